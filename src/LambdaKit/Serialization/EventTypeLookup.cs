namespace LambdaKit.Serialization;

/// <summary>
/// The feature switch behind the MSBuild property <c>LambdaKitEventTypeLookup</c>: whether a JSON metadata lookup by type
/// falls back to LambdaKit.Events' own context, so that a handler whose event is one of its types needs no context of
/// its own. On unless the property is <c>false</c>. Off, a trimmed or Native AOT publish of a function that uses none of
/// LambdaKit.Events' types leaves that context out (see ILLink.Substitutions.xml); HTTP routing and the batch sources
/// then read their envelopes through contexts that hold those envelopes alone, and keep working either way.
/// </summary>
internal static class EventTypeLookup
{
    /// <summary>The runtime configuration name the MSBuild property writes to runtimeconfig.json.</summary>
    public const string SwitchName = "LambdaKit.Serialization.EventTypeLookup.IsEnabled";

    /// <summary>Replaced by a constant in trimmed and Native AOT publishes that set the switch (ILLink.Substitutions.xml).</summary>
    public static bool IsEnabled => !AppContext.TryGetSwitch(SwitchName, out var enabled) || enabled;
}
