namespace LambdaKitApi;

/// <summary>A stored todo: <c>{"id":"1","title":"..."}</c>.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">What to do.</param>
internal sealed record Todo(string Id, string Title);
