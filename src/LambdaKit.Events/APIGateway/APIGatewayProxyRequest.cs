using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// An API Gateway REST API (v1) Lambda proxy integration request. Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest</c>.
/// </summary>
public sealed class APIGatewayProxyRequest
{
    /// <summary>Gets or sets the resource path configured in API Gateway, for example <c>/{proxy+}</c>.</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; set; }

    /// <summary>Gets or sets the URL path of the request, for example <c>/hello/world</c>.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>Gets or sets the HTTP method, for example <c>POST</c>.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>Gets or sets the request headers (the last value of each header).</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets the request headers with all of their values.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IDictionary<string, IList<string>>? MultiValueHeaders { get; set; }

    /// <summary>Gets or sets the query string parameters (the last value of each parameter).</summary>
    [JsonPropertyName("queryStringParameters")]
    public IDictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Gets or sets the query string parameters with all of their values.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public IDictionary<string, IList<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>Gets or sets the path parameters matched by the resource template.</summary>
    [JsonPropertyName("pathParameters")]
    public IDictionary<string, string>? PathParameters { get; set; }

    /// <summary>Gets or sets the stage variables of the deployment stage.</summary>
    [JsonPropertyName("stageVariables")]
    public IDictionary<string, string>? StageVariables { get; set; }

    /// <summary>Gets or sets the request context: identity, authorizer output, stage and request identifiers.</summary>
    [JsonPropertyName("requestContext")]
    public ProxyRequestContext? RequestContext { get; set; }

    /// <summary>Gets or sets the request body; base64 when <see cref="IsBase64Encoded"/> is <see langword="true"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Body"/> is base64-encoded binary content.</summary>
    /// <remarks>
    /// Written back as it came: a flag that was sent (even <see langword="false"/>, as API Gateway sends it) is written, a
    /// missing one stays missing; a flag set in code is written.
    /// </remarks>
    [JsonIgnore]
    public bool IsBase64Encoded
    {
        get => IsBase64EncodedOnWire ?? false;
        set => IsBase64EncodedOnWire = value;
    }

    /// <summary>The flag as it is on the wire: <see langword="null"/> when absent.</summary>
    [JsonInclude]
    [JsonPropertyName("isBase64Encoded")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal bool? IsBase64EncodedOnWire { get; set; }

    /// <summary>The <c>requestContext</c> of a REST API (v1) proxy request.</summary>
    public sealed class ProxyRequestContext
    {
        /// <summary>Gets or sets the path of the request, including the stage when called through the default endpoint.</summary>
        [JsonPropertyName("path")]
        public string? Path { get; set; }

        /// <summary>Gets or sets the AWS account ID that owns the API.</summary>
        [JsonPropertyName("accountId")]
        public string? AccountId { get; set; }

        /// <summary>Gets or sets the identifier of the API Gateway resource.</summary>
        [JsonPropertyName("resourceId")]
        public string? ResourceId { get; set; }

        /// <summary>Gets or sets the name of the operation, when one is defined in the OpenAPI definition.</summary>
        [JsonPropertyName("operationName")]
        public string? OperationName { get; set; }

        /// <summary>Gets or sets the deployment stage name.</summary>
        [JsonPropertyName("stage")]
        public string? Stage { get; set; }

        /// <summary>Gets or sets the full domain name used to invoke the API.</summary>
        [JsonPropertyName("domainName")]
        public string? DomainName { get; set; }

        /// <summary>Gets or sets the first label of <see cref="DomainName"/>.</summary>
        [JsonPropertyName("domainPrefix")]
        public string? DomainPrefix { get; set; }

        /// <summary>Gets or sets the identifier API Gateway gave the request.</summary>
        [JsonPropertyName("requestId")]
        public string? RequestId { get; set; }

        /// <summary>Gets or sets the extended request identifier API Gateway gave the request.</summary>
        [JsonPropertyName("extendedRequestId")]
        public string? ExtendedRequestId { get; set; }

        /// <summary>Gets or sets the request protocol, for example <c>HTTP/1.1</c>.</summary>
        [JsonPropertyName("protocol")]
        public string? Protocol { get; set; }

        /// <summary>Gets or sets what is known about the caller.</summary>
        [JsonPropertyName("identity")]
        public RequestIdentity? Identity { get; set; }

        /// <summary>Gets or sets the output of the authorizer (a Lambda authorizer's context, or Cognito claims).</summary>
        [JsonPropertyName("authorizer")]
        public APIGatewayCustomAuthorizerContext? Authorizer { get; set; }

        /// <summary>Gets or sets the resource path template, for example <c>/{proxy+}</c>.</summary>
        [JsonPropertyName("resourcePath")]
        public string? ResourcePath { get; set; }

        /// <summary>Gets or sets the HTTP method.</summary>
        [JsonPropertyName("httpMethod")]
        public string? HttpMethod { get; set; }

        /// <summary>Gets or sets the request time in CLF format, for example <c>15/May/2020:06:01:09 +0000</c>.</summary>
        [JsonPropertyName("requestTime")]
        public string? RequestTime { get; set; }

        /// <summary>Gets or sets the request time in milliseconds since the Unix epoch; 0 when absent.</summary>
        /// <remarks>Written back as it came: a value that was sent (even 0) is written, a missing one stays missing.</remarks>
        [JsonIgnore]
        public long RequestTimeEpoch
        {
            get => RequestTimeEpochOnWire ?? 0;
            set => RequestTimeEpochOnWire = value;
        }

        /// <summary>The request time as it is on the wire: <see langword="null"/> when absent.</summary>
        [JsonInclude]
        [JsonPropertyName("requestTimeEpoch")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        internal long? RequestTimeEpochOnWire { get; set; }

        /// <summary>Gets or sets the identifier of the API.</summary>
        [JsonPropertyName("apiId")]
        public string? ApiId { get; set; }

        /// <summary>Gets or sets the WebSocket connection identifier (WebSocket APIs only).</summary>
        [JsonPropertyName("connectionId")]
        public string? ConnectionId { get; set; }

        /// <summary>Gets or sets when the WebSocket connection was made, in milliseconds since the Unix epoch (WebSocket APIs only; omitted when 0).</summary>
        [JsonPropertyName("connectedAt")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public long ConnectedAt { get; set; }

        /// <summary>Gets or sets the WebSocket event type: <c>CONNECT</c>, <c>MESSAGE</c> or <c>DISCONNECT</c> (WebSocket APIs only).</summary>
        [JsonPropertyName("eventType")]
        public string? EventType { get; set; }

        /// <summary>Gets or sets the WebSocket message identifier (WebSocket APIs only).</summary>
        [JsonPropertyName("messageId")]
        public string? MessageId { get; set; }

        /// <summary>Gets or sets the selected route key (WebSocket APIs only).</summary>
        [JsonPropertyName("routeKey")]
        public string? RouteKey { get; set; }

        /// <summary>Gets or sets the message direction (WebSocket APIs only).</summary>
        [JsonPropertyName("messageDirection")]
        public string? MessageDirection { get; set; }

        /// <summary>Gets or sets the WebSocket close status code (<c>$disconnect</c> only).</summary>
        [JsonPropertyName("disconnectStatusCode")]
        public int? DisconnectStatusCode { get; set; }

        /// <summary>Gets or sets why the WebSocket connection closed (<c>$disconnect</c> only).</summary>
        [JsonPropertyName("disconnectReason")]
        public string? DisconnectReason { get; set; }

        /// <summary>Gets or sets the error of the request, when API Gateway reports one (WebSocket APIs).</summary>
        [JsonPropertyName("error")]
        public string? Error { get; set; }

        /// <summary>Gets or sets the status of the request (WebSocket APIs).</summary>
        [JsonPropertyName("status")]
        public string? Status { get; set; }

        /// <summary>Gets or sets the integration latency, in milliseconds as a string (WebSocket APIs).</summary>
        [JsonPropertyName("integrationLatency")]
        public string? IntegrationLatency { get; set; }
    }

    /// <summary>The <c>requestContext.identity</c> of a REST API (v1) proxy request: what is known about the caller.</summary>
    public sealed class RequestIdentity
    {
        /// <summary>Gets or sets the Amazon Cognito identity pool ID of the caller.</summary>
        [JsonPropertyName("cognitoIdentityPoolId")]
        public string? CognitoIdentityPoolId { get; set; }

        /// <summary>Gets or sets the AWS account ID of the caller.</summary>
        [JsonPropertyName("accountId")]
        public string? AccountId { get; set; }

        /// <summary>Gets or sets the Amazon Cognito identity ID of the caller.</summary>
        [JsonPropertyName("cognitoIdentityId")]
        public string? CognitoIdentityId { get; set; }

        /// <summary>Gets or sets the principal identifier of the caller.</summary>
        [JsonPropertyName("caller")]
        public string? Caller { get; set; }

        /// <summary>Gets or sets the API key used by the caller.</summary>
        [JsonPropertyName("apiKey")]
        public string? ApiKey { get; set; }

        /// <summary>Gets or sets the identifier of the API key used by the caller.</summary>
        [JsonPropertyName("apiKeyId")]
        public string? ApiKeyId { get; set; }

        /// <summary>Gets or sets the AWS access key of the caller.</summary>
        [JsonPropertyName("accessKey")]
        public string? AccessKey { get; set; }

        /// <summary>Gets or sets the source IP address of the caller.</summary>
        [JsonPropertyName("sourceIp")]
        public string? SourceIp { get; set; }

        /// <summary>Gets or sets the Amazon Cognito authentication type of the caller.</summary>
        [JsonPropertyName("cognitoAuthenticationType")]
        public string? CognitoAuthenticationType { get; set; }

        /// <summary>Gets or sets the Amazon Cognito authentication provider of the caller.</summary>
        [JsonPropertyName("cognitoAuthenticationProvider")]
        public string? CognitoAuthenticationProvider { get; set; }

        /// <summary>Gets or sets the ARN of the effective user.</summary>
        [JsonPropertyName("userArn")]
        public string? UserArn { get; set; }

        /// <summary>Gets or sets the User-Agent of the caller.</summary>
        [JsonPropertyName("userAgent")]
        public string? UserAgent { get; set; }

        /// <summary>Gets or sets the principal identifier of the user.</summary>
        [JsonPropertyName("user")]
        public string? User { get; set; }

        /// <summary>Gets or sets the client certificate presented for mutual TLS, if any.</summary>
        [JsonPropertyName("clientCert")]
        public ProxyRequestClientCert? ClientCert { get; set; }
    }

    /// <summary>A client certificate presented for mutual TLS.</summary>
    public sealed class ProxyRequestClientCert
    {
        /// <summary>Gets or sets the PEM-encoded client certificate.</summary>
        [JsonPropertyName("clientCertPem")]
        public string? ClientCertPem { get; set; }

        /// <summary>Gets or sets the distinguished name of the certificate subject.</summary>
        [JsonPropertyName("subjectDN")]
        public string? SubjectDN { get; set; }

        /// <summary>Gets or sets the distinguished name of the certificate issuer.</summary>
        [JsonPropertyName("issuerDN")]
        public string? IssuerDN { get; set; }

        /// <summary>Gets or sets the serial number of the certificate.</summary>
        [JsonPropertyName("serialNumber")]
        public string? SerialNumber { get; set; }

        /// <summary>Gets or sets the validity period of the certificate.</summary>
        [JsonPropertyName("validity")]
        public ClientCertValidity? Validity { get; set; }
    }

    /// <summary>The validity period of a client certificate, as API Gateway formats it (for example <c>May 28 12:30:02 2019 GMT</c>).</summary>
    public sealed class ClientCertValidity
    {
        /// <summary>Gets or sets the date before which the certificate is not valid.</summary>
        [JsonPropertyName("notBefore")]
        public string? NotBefore { get; set; }

        /// <summary>Gets or sets the date after which the certificate is not valid.</summary>
        [JsonPropertyName("notAfter")]
        public string? NotAfter { get; set; }
    }
}
