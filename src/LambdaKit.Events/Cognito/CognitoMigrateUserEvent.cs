namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool user migration trigger (<c>triggerSource</c> UserMigration_*): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoMigrateUserEvent</c>.
/// </summary>
public sealed class CognitoMigrateUserEvent : CognitoTriggerEvent<CognitoMigrateUserRequest, CognitoMigrateUserResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoMigrateUserEvent()
        : base(new CognitoMigrateUserRequest(), new CognitoMigrateUserResponse())
    {
    }
}
