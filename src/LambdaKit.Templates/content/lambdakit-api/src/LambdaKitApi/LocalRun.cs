using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LambdaKitApi;

/// <summary>
/// Compiled into <c>dotnet run</c> / <c>dotnet build</c> outputs only, never into a published <c>bootstrap</c>: off Lambda
/// (no <c>AWS_LAMBDA_RUNTIME_API</c>), it starts a local Runtime API on 127.0.0.1:9000 before <c>Main</c>, so that the
/// function can be invoked with curl as with the AWS Runtime Interface Emulator.
/// </summary>
internal static class LocalRun
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The application's own start-up hook, compiled only for local runs.")]
    internal static void Start() => LambdaKit.Testing.LocalLambda.StartIfNotOnLambda();
}
