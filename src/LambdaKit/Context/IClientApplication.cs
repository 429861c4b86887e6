namespace LambdaKit;

/// <summary>The mobile client application that invoked the function.</summary>
public interface IClientApplication
{
    /// <summary>The app's package or bundle id (<c>app_package_name</c>); <see langword="null"/> when the SDK did not send it.</summary>
    string? AppPackageName { get; }

    /// <summary>The app's display name (<c>app_title</c>); <see langword="null"/> when the SDK did not send it.</summary>
    string? AppTitle { get; }

    /// <summary>The app's build number (<c>app_version_code</c>), as text even when sent as a number; <see langword="null"/> when absent.</summary>
    string? AppVersionCode { get; }

    /// <summary>The app's user-visible version (<c>app_version_name</c>); <see langword="null"/> when absent.</summary>
    string? AppVersionName { get; }

    /// <summary>The id of this install of the app on one device (<c>installation_id</c>); <see langword="null"/> when absent.</summary>
    string? InstallationId { get; }
}
