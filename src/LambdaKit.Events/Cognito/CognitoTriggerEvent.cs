using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>
/// The members every Cognito user-pool trigger event has. A trigger handler fills <see cref="Response"/> and returns the
/// event itself, as Cognito requires. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoTriggerEvent&lt;TRequest, TResponse&gt;</c>.
/// </summary>
/// <typeparam name="TRequest">The trigger's request.</typeparam>
/// <typeparam name="TResponse">The trigger's response.</typeparam>
public abstract class CognitoTriggerEvent<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    /// <summary>Initializes the event with an empty request and response.</summary>
    /// <param name="request">The empty request.</param>
    /// <param name="response">The empty response.</param>
    protected CognitoTriggerEvent(TRequest request, TResponse response)
    {
        Request = request;
        Response = response;
    }

    /// <summary>Gets or sets the version of the trigger event (for pre token generation, <c>1</c>, <c>2</c> or <c>3</c>).</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>Gets or sets the AWS Region of the user pool.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>Gets or sets the identifier of the user pool.</summary>
    [JsonPropertyName("userPoolId")]
    public string? UserPoolId { get; set; }

    /// <summary>Gets or sets the user name of the current user.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; set; }

    /// <summary>Gets or sets the caller: SDK version and app client.</summary>
    [JsonPropertyName("callerContext")]
    public CognitoTriggerCallerContext? CallerContext { get; set; }

    /// <summary>Gets or sets what invoked the trigger, for example <c>PreSignUp_SignUp</c>; LambdaKit routes on it.</summary>
    [JsonPropertyName("triggerSource")]
    public string? TriggerSource { get; set; }

    /// <summary>Gets or sets the trigger's request.</summary>
    [JsonPropertyName("request")]
    public TRequest Request { get; set; }

    /// <summary>Gets or sets the trigger's response, filled by the handler.</summary>
    [JsonPropertyName("response")]
    public TResponse Response { get; set; }

    /// <summary>Gets or sets members this type does not name, kept so that the event round-trips.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
