using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LambdaKit.Samples;

/// <summary>
/// Compiled into the samples for <c>dotnet run</c> only, never into a published <c>bootstrap</c>: off Lambda
/// (no <c>AWS_LAMBDA_RUNTIME_API</c>), it starts the local Runtime API before <c>Main</c> so that the function
/// can be invoked with curl, as with the AWS Runtime Interface Emulator.
/// </summary>
internal static class LocalRun
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "An application's own start-up hook, compiled only for local runs.")]
    internal static void Start() => LambdaKit.Testing.LocalLambda.StartIfNotOnLambda();
}
