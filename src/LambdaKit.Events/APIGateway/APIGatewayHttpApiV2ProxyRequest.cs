using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// An API Gateway HTTP API request in payload format version 2.0; Lambda function URLs send the same shape.
/// Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest</c>.
/// </summary>
public sealed class APIGatewayHttpApiV2ProxyRequest
{
    /// <summary>Gets or sets the payload format version, <c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>Gets or sets the route key, for example <c>GET /items</c> or <c>$default</c> (absent for function URLs).</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>Gets or sets the raw, undecoded request path.</summary>
    [JsonPropertyName("rawPath")]
    public string? RawPath { get; set; }

    /// <summary>Gets or sets the raw query string, without the leading <c>?</c>.</summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; set; }

    /// <summary>Gets or sets the cookies of the request, one <c>name=value</c> entry per cookie.</summary>
    [JsonPropertyName("cookies")]
    public string[]? Cookies { get; set; }

    /// <summary>Gets or sets the request headers; repeated headers are joined with commas.</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets the query string parameters; repeated parameters are joined with commas.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IDictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Gets or sets the path parameters matched by the route.</summary>
    [JsonPropertyName("pathParameters")]
    public IDictionary<string, string>? PathParameters { get; set; }

    /// <summary>Gets or sets the stage variables of the stage.</summary>
    [JsonPropertyName("stageVariables")]
    public IDictionary<string, string>? StageVariables { get; set; }

    /// <summary>Gets or sets the request context: HTTP details, authorizer output, request identifiers.</summary>
    [JsonPropertyName("requestContext")]
    public ProxyRequestContext? RequestContext { get; set; }

    /// <summary>Gets or sets the request body; base64 when <see cref="IsBase64Encoded"/> is <see langword="true"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Body"/> is base64-encoded binary content.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }

    /// <summary>The <c>requestContext</c> of an HTTP API (v2) or function URL request.</summary>
    public sealed class ProxyRequestContext
    {
        /// <summary>Gets or sets the AWS account ID that owns the API or function.</summary>
        [JsonPropertyName("accountId")]
        public string? AccountId { get; set; }

        /// <summary>Gets or sets the identifier of the API (or of the function URL).</summary>
        [JsonPropertyName("apiId")]
        public string? ApiId { get; set; }

        /// <summary>Gets or sets the authentication information of the request (mutual TLS).</summary>
        [JsonPropertyName("authentication")]
        public ProxyRequestAuthentication? Authentication { get; set; }

        /// <summary>Gets or sets the output of the authorizer: JWT claims, IAM identity or a Lambda authorizer's context.</summary>
        [JsonPropertyName("authorizer")]
        public AuthorizerDescription? Authorizer { get; set; }

        /// <summary>Gets or sets the full domain name used to invoke the API.</summary>
        [JsonPropertyName("domainName")]
        public string? DomainName { get; set; }

        /// <summary>Gets or sets the first label of <see cref="DomainName"/>.</summary>
        [JsonPropertyName("domainPrefix")]
        public string? DomainPrefix { get; set; }

        /// <summary>Gets or sets the HTTP details of the request.</summary>
        [JsonPropertyName("http")]
        public HttpDescription? Http { get; set; }

        /// <summary>Gets or sets the identifier API Gateway (or Lambda) gave the request.</summary>
        [JsonPropertyName("requestId")]
        public string? RequestId { get; set; }

        /// <summary>Gets or sets the identifier of the matched route.</summary>
        [JsonPropertyName("routeId")]
        public string? RouteId { get; set; }

        /// <summary>Gets or sets the matched route key.</summary>
        [JsonPropertyName("routeKey")]
        public string? RouteKey { get; set; }

        /// <summary>Gets or sets the stage name.</summary>
        [JsonPropertyName("stage")]
        public string? Stage { get; set; }

        /// <summary>Gets or sets the request time in CLF format, for example <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
        [JsonPropertyName("time")]
        public string? Time { get; set; }

        /// <summary>Gets or sets the request time in milliseconds since the Unix epoch (omitted from written JSON when 0).</summary>
        [JsonPropertyName("timeEpoch")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public long TimeEpoch { get; set; }
    }

    /// <summary>The <c>requestContext.http</c> of an HTTP API (v2) request.</summary>
    public sealed class HttpDescription
    {
        /// <summary>Gets or sets the HTTP method.</summary>
        [JsonPropertyName("method")]
        public string? Method { get; set; }

        /// <summary>Gets or sets the request path.</summary>
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        /// <summary>Gets or sets the request protocol, for example <c>HTTP/1.1</c>.</summary>
        [JsonPropertyName("protocol")]
        public string? Protocol { get; set; }

        /// <summary>Gets or sets the source IP address of the caller.</summary>
        [JsonPropertyName("sourceIp")]
        public string? SourceIp { get; set; }

        /// <summary>Gets or sets the User-Agent of the caller.</summary>
        [JsonPropertyName("userAgent")]
        public string? UserAgent { get; set; }
    }

    /// <summary>The <c>requestContext.authorizer</c> of an HTTP API (v2) request: at most one of its members is set.</summary>
    public sealed class AuthorizerDescription
    {
        /// <summary>Gets or sets the claims and scopes of a JWT authorizer.</summary>
        [JsonPropertyName("jwt")]
        public JwtDescription? Jwt { get; set; }

        /// <summary>Gets or sets the caller identity of IAM authorization.</summary>
        [JsonPropertyName("iam")]
        public IAMDescription? IAM { get; set; }

        /// <summary>Gets or sets the free-form context returned by a Lambda authorizer.</summary>
        [JsonPropertyName("lambda")]
        public IDictionary<string, JsonElement>? Lambda { get; set; }

        /// <summary>The output of a JWT authorizer.</summary>
        public sealed class JwtDescription
        {
            /// <summary>Gets or sets the claims of the token.</summary>
            [JsonPropertyName("claims")]
            public IDictionary<string, string>? Claims { get; set; }

            /// <summary>Gets or sets the scopes of the token.</summary>
            [JsonPropertyName("scopes")]
            public string[]? Scopes { get; set; }
        }

        /// <summary>The caller identity of IAM authorization.</summary>
        public sealed class IAMDescription
        {
            /// <summary>Gets or sets the access key of the caller.</summary>
            [JsonPropertyName("accessKey")]
            public string? AccessKey { get; set; }

            /// <summary>Gets or sets the AWS account ID of the caller.</summary>
            [JsonPropertyName("accountId")]
            public string? AccountId { get; set; }

            /// <summary>Gets or sets the principal identifier of the caller.</summary>
            [JsonPropertyName("callerId")]
            public string? CallerId { get; set; }

            /// <summary>Gets or sets the Amazon Cognito identity of the caller, if any.</summary>
            [JsonPropertyName("cognitoIdentity")]
            public CognitoIdentityDescription? CognitoIdentity { get; set; }

            /// <summary>Gets or sets the AWS Organizations identifier of the caller.</summary>
            [JsonPropertyName("principalOrgId")]
            public string? PrincipalOrgId { get; set; }

            /// <summary>Gets or sets the ARN of the caller.</summary>
            [JsonPropertyName("userArn")]
            public string? UserARN { get; set; }

            /// <summary>Gets or sets the user identifier of the caller.</summary>
            [JsonPropertyName("userId")]
            public string? UserId { get; set; }
        }

        /// <summary>An Amazon Cognito identity of an IAM-authorized caller.</summary>
        public sealed class CognitoIdentityDescription
        {
            /// <summary>Gets or sets the authentication methods references.</summary>
            [JsonPropertyName("amr")]
            public IList<string>? AMR { get; set; }

            /// <summary>Gets or sets the Amazon Cognito identity ID.</summary>
            [JsonPropertyName("identityId")]
            public string? IdentityId { get; set; }

            /// <summary>Gets or sets the Amazon Cognito identity pool ID.</summary>
            [JsonPropertyName("identityPoolId")]
            public string? IdentityPoolId { get; set; }
        }
    }

    /// <summary>The <c>requestContext.authentication</c> of an HTTP API (v2) request.</summary>
    public sealed class ProxyRequestAuthentication
    {
        /// <summary>Gets or sets the client certificate presented for mutual TLS.</summary>
        [JsonPropertyName("clientCert")]
        public ProxyRequestClientCert? ClientCert { get; set; }
    }

    /// <summary>A client certificate presented for mutual TLS.</summary>
    public sealed class ProxyRequestClientCert
    {
        /// <summary>Gets or sets the PEM-encoded client certificate.</summary>
        [JsonPropertyName("clientCertPem")]
        public string? ClientCertPem { get; set; }

        /// <summary>Gets or sets the distinguished name of the certificate issuer.</summary>
        [JsonPropertyName("issuerDN")]
        public string? IssuerDN { get; set; }

        /// <summary>Gets or sets the serial number of the certificate.</summary>
        [JsonPropertyName("serialNumber")]
        public string? SerialNumber { get; set; }

        /// <summary>Gets or sets the distinguished name of the certificate subject.</summary>
        [JsonPropertyName("subjectDN")]
        public string? SubjectDN { get; set; }

        /// <summary>Gets or sets the validity period of the certificate.</summary>
        [JsonPropertyName("validity")]
        public ClientCertValidity? Validity { get; set; }
    }

    /// <summary>The validity period of a client certificate, as API Gateway formats it (for example <c>Aug 29 00:28:21 2020 GMT</c>).</summary>
    public sealed class ClientCertValidity
    {
        /// <summary>Gets or sets the date after which the certificate is not valid.</summary>
        [JsonPropertyName("notAfter")]
        public string? NotAfter { get; set; }

        /// <summary>Gets or sets the date before which the certificate is not valid.</summary>
        [JsonPropertyName("notBefore")]
        public string? NotBefore { get; set; }
    }
}
