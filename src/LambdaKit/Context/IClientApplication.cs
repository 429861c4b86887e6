namespace LambdaKit;

/// <summary>The mobile client application that invoked the function.</summary>
public interface IClientApplication
{
    /// <summary>The application package name.</summary>
    string? AppPackageName { get; }

    /// <summary>The application title.</summary>
    string? AppTitle { get; }

    /// <summary>The application version code.</summary>
    string? AppVersionCode { get; }

    /// <summary>The application version name.</summary>
    string? AppVersionName { get; }

    /// <summary>The installation id.</summary>
    string? InstallationId { get; }
}
