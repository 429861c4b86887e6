namespace LambdaKit;

/// <summary>The Amazon Cognito identity that invoked the function (header <c>Lambda-Runtime-Cognito-Identity</c>).</summary>
public interface ICognitoIdentity
{
    /// <summary>The identity's id (<c>cognitoIdentityId</c>, <c>region:guid</c>); <see langword="null"/> when the header lacks it.</summary>
    string? IdentityId { get; }

    /// <summary>The id of the identity pool that issued the identity (<c>cognitoIdentityPoolId</c>); <see langword="null"/> when the header lacks it.</summary>
    string? IdentityPoolId { get; }
}
