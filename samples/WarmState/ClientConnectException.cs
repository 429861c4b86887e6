using LambdaKit;

namespace WarmState;

/// <summary>Connecting the client failed.</summary>
[LambdaErrorType("ClientConnectFailed")]
internal sealed class ClientConnectException(string message) : Exception(message);
