namespace LambdaKit;

/// <summary>The client context sent by the AWS Mobile SDK (header <c>Lambda-Runtime-Client-Context</c>).</summary>
public interface IClientContext
{
    /// <summary>Environment information provided by the mobile SDK.</summary>
    IDictionary<string, string> Environment { get; }

    /// <summary>The calling app (the <c>client</c> object); <see langword="null"/> when the context has none.</summary>
    IClientApplication? Client { get; }

    /// <summary>Custom values set by the mobile client application.</summary>
    IDictionary<string, string> Custom { get; }
}
