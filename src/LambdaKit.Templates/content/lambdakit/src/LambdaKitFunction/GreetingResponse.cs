namespace LambdaKitFunction;

/// <summary>The function's answer: <c>{"message":"hello Ada","requestId":"..."}</c>.</summary>
/// <param name="Message">The greeting.</param>
/// <param name="RequestId">The invocation's request id.</param>
internal sealed record GreetingResponse(string Message, string RequestId);
