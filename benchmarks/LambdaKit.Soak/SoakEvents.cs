using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaKit.Testing;

namespace LambdaKit.Soak;

/// <summary>
/// Builds the soak's invocations from the repository's own test events: HTTP API v2 (GET /hello/{name}), S3, SNS and SQS
/// in turn, each made unique (a name, key, message or message ids that carry the invocation's number) so that its answer
/// can be checked; every tenth SQS batch has a record that fails on purpose and must be the only one reported.
/// </summary>
internal sealed class SoakEvents(string eventsDirectory)
{
    private readonly JsonNode _http = Load(eventsDirectory, "apigateway", "http-api-v2-no-authorizer.json");
    private readonly JsonNode _s3 = Load(eventsDirectory, "s3", "put-encoded-key.json");
    private readonly JsonNode _sns = Load(eventsDirectory, "sns", "notification.json");
    private readonly JsonNode _sqs = Load(eventsDirectory, "sqs", "standard.json");

    public SoakInvocation Build(int number)
    {
        var marker = "soak-" + number.ToString("D7", CultureInfo.InvariantCulture);
        switch (number % 4)
        {
            case 0:
            {
                var http = _http.DeepClone();
                http["routeKey"] = "GET /hello/{name}";
                http["rawPath"] = "/hello/" + marker;
                http["requestContext"]!["http"]!["method"] = "GET";
                http["requestContext"]!["http"]!["path"] = "/hello/" + marker;
                http["requestContext"]!["requestId"] = marker;
                return new SoakInvocation("HTTP API", Bytes(http), r => Expect(r, "\"statusCode\":200", "hello " + marker));
            }

            case 1:
            {
                var s3 = _s3.DeepClone();
                s3["Records"]![0]!["s3"]!["object"]!["key"] = "soak/" + marker + ".txt";
                return new SoakInvocation("S3", Bytes(s3), r => Expect(r, "\"source\":\"s3\"", "soak/" + marker + ".txt"));
            }

            case 2:
            {
                var sns = _sns.DeepClone();
                sns["Records"]![0]!["Sns"]!["MessageId"] = marker;
                sns["Records"]![0]!["Sns"]!["Message"] = "message of " + marker;
                return new SoakInvocation("SNS", Bytes(sns), r => Expect(r, marker, "message of " + marker));
            }

            default:
            {
                var sqs = _sqs.DeepClone();
                var records = sqs["Records"]!.AsArray();
                var failing = number % 40 == 3 ? 1 : -1;
                for (var k = 0; k < records.Count; k++)
                {
                    records[k]!["messageId"] = $"{marker}-{k}";
                    records[k]!["body"] = k == failing ? $$"""{"id":"{{marker}}-{{k}}","fail":true}""" : $$"""{"id":"{{marker}}-{{k}}"}""";
                }

                var expected = failing < 0
                    ? """{"batchItemFailures":[]}"""
                    : $$"""{"batchItemFailures":[{"itemIdentifier":"{{marker}}-{{failing}}"}]}""";
                return new SoakInvocation("SQS", Bytes(sqs), r => Exactly(r, expected));
            }
        }
    }

    private static string? Expect(InvocationResult result, params string[] texts)
    {
        if (result.Outcome != InvocationOutcome.Response)
        {
            return $"{result.Outcome}: {Body(result)}";
        }

        var body = Body(result);
        var missing = texts.FirstOrDefault(t => !body.Contains(t, StringComparison.Ordinal));
        return missing is null ? null : $"answer without '{missing}': {body}";
    }

    private static string? Exactly(InvocationResult result, string expected)
    {
        var body = Body(result);
        return result.Outcome == InvocationOutcome.Response && body == expected ? null : $"{result.Outcome}: {body} (expected {expected})";
    }

    private static string Body(InvocationResult result)
    {
        var text = Encoding.UTF8.GetString(result.Body.Span);
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonNode Load(string directory, string source, string file)
        => JsonNode.Parse(File.ReadAllText(Path.Combine(directory, source, file)))
            ?? throw new InvalidDataException($"{source}/{file} is empty.");
}

/// <summary>One invocation of the soak: its source, its event, and the check of its answer (null when right).</summary>
internal sealed record SoakInvocation(string Kind, byte[] Payload, Func<InvocationResult, string?> Check);
