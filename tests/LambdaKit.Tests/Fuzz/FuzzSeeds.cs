using System.Text;

namespace LambdaKit.Tests.Fuzz;

/// <summary>
/// Seed events for the fuzz tests: small valid events of every routed source, written here (plus any event file the
/// project keeps under <c>events/</c> in the test output), and the mutations applied to them.
/// </summary>
internal static class FuzzSeeds
{
    public static readonly string[] Written =
    [
        """{"Records":[{"messageId":"m-1","receiptHandle":"rh","body":"{\"Id\":\"a\",\"N\":1}","attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1700000000000"},"messageAttributes":{"k":{"stringValue":"v","dataType":"String"}},"md5OfBody":"x","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-1:111122223333:q","awsRegion":"eu-west-1"}]}""",
        """{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1","eventTime":"2024-05-01T10:00:00.000Z","eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0","bucket":{"name":"b","arn":"arn:aws:s3:::b"},"object":{"key":"a%20b+c.txt","size":12,"eTag":"e","sequencer":"0A"}}}]}""",
        """{"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","EventSubscriptionArn":"arn:s","Sns":{"Type":"Notification","MessageId":"n-1","TopicArn":"arn:t","Subject":"s","Message":"hello","Timestamp":"2024-05-01T10:00:00.000Z","MessageAttributes":{"a":{"Type":"String","Value":"v"}}}}]}""",
        """{"Records":[{"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"p","sequenceNumber":"4959","data":"eyJJZCI6ImsiLCJOIjoyfQ==","approximateArrivalTimestamp":1700000000.5},"eventSource":"aws:kinesis","eventVersion":"1.0","eventID":"shardId-0:4959","eventName":"aws:kinesis:record","awsRegion":"eu-west-1","eventSourceARN":"arn:k"}]}""",
        """{"Records":[{"eventID":"d-1","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"eu-west-1","dynamodb":{"ApproximateCreationDateTime":1700000000,"Keys":{"Id":{"S":"k"}},"NewImage":{"Id":{"S":"k"},"N":{"N":"12.5"},"B":{"B":"AAE="},"L":{"L":[{"BOOL":true},{"NULL":true}]},"M":{"M":{"x":{"SS":["a","b"]}}}},"SequenceNumber":"111","SizeBytes":26,"StreamViewType":"NEW_AND_OLD_IMAGES"},"eventSourceARN":"arn:d"}]}""",
        """{"version":"2.0","routeKey":"$default","rawPath":"/items/42","rawQueryString":"a=1&a=2","headers":{"content-type":"application/json","cookie":"x=1"},"cookies":["x=1"],"queryStringParameters":{"a":"1,2"},"requestContext":{"http":{"method":"POST","path":"/items/42","sourceIp":"203.0.113.9"},"stage":"$default","requestId":"r","timeEpoch":1700000000000},"body":"{\"Id\":\"h\",\"N\":3}","isBase64Encoded":false}""",
        """{"version":"2.0","routeKey":"$default","rawPath":"/items/7","requestContext":{"http":{"method":"POST","path":"/items/7"},"stage":"$default"},"body":"eyJJZCI6ImIiLCJOIjo0fQ==","isBase64Encoded":true}""",
        """{"resource":"/{proxy+}","path":"/items/9","httpMethod":"GET","headers":{"Accept":"*/*"},"multiValueHeaders":{"Accept":["*/*"]},"queryStringParameters":{"q":"1"},"multiValueQueryStringParameters":{"q":["1","2"]},"pathParameters":{"proxy":"items/9"},"requestContext":{"stage":"prod","requestId":"r","httpMethod":"GET"},"body":null,"isBase64Encoded":false}""",
        """{"requestContext":{"elb":{"targetGroupArn":"arn:tg"}},"httpMethod":"GET","path":"/items/%2E%2E","queryStringParameters":{},"headers":{"host":"h"},"body":"","isBase64Encoded":false}""",
        """{"version":"0","id":"e-1","detail-type":"Scheduled Event","source":"aws.events","account":"111122223333","time":"2024-05-01T10:00:00Z","region":"eu-west-1","resources":["arn:rule"],"detail":{}}""",
        """{"version":"0","id":"e-2","detail-type":"Order Placed","source":"shop","account":"1","time":"2024-05-01T10:00:00Z","region":"eu-west-1","resources":[],"detail":{"n":[1,2.5,{"deep":null}]}}""",
        """{"anything":"else","n":1}""",
    ];

    /// <summary>The written seeds and the project's own event files, as UTF-8.</summary>
    public static IReadOnlyList<byte[]> All { get; } = Load();

    private static byte[][] Load()
    {
        var seeds = Written.Select(Encoding.UTF8.GetBytes).ToList();
        var folder = Path.Combine(AppContext.BaseDirectory, "events");
        if (Directory.Exists(folder))
        {
            seeds.AddRange(Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        }

        return [.. seeds];
    }

    /// <summary>How many cases a fuzz test runs: <paramref name="ciCases"/>, scaled by <c>LAMBDAKIT_FUZZ_CASES</c> (the total over all fuzz tests, default 50,000).</summary>
    public static long Cases(long ciCases)
    {
        const long CiTotal = 50_000;
        return long.TryParse(Environment.GetEnvironmentVariable("LAMBDAKIT_FUZZ_CASES"), out var total) && total > 0
            ? Math.Max(1, ciCases * total / CiTotal)
            : ciCases;
    }

    /// <summary>Applies one hostile mutation, chosen by <paramref name="kind"/>, at <paramref name="at"/>.</summary>
    public static byte[] Mutate(byte[] seed, int kind, int at, int size)
    {
        var position = seed.Length == 0 ? 0 : at % seed.Length;
        var text = Encoding.UTF8.GetString(seed);
        var charAt = text.Length == 0 ? 0 : at % text.Length;
        switch (kind % 14)
        {
            case 0: // truncation
                return seed[..position];
            case 1: // a random byte
                {
                    var copy = (byte[])seed.Clone();
                    if (copy.Length > 0)
                    {
                        copy[position] = (byte)size;
                    }

                    return copy;
                }

            case 2: // invalid UTF-8 inside the text
                return [.. seed[..position], 0xC3, 0xFF, 0xFE, 0x80, .. seed[position..]];
            case 3: // a string value becomes a number, an array, an object or null
                return Encoding.UTF8.GetBytes(ReplaceNextString(text, charAt, (size % 4) switch { 0 => "12", 1 => "[1,{}]", 2 => "{\"a\":[]}", _ => "null" }));
            case 4: // a number becomes huge or odd
                return Encoding.UTF8.GetBytes(ReplaceNextNumber(text, charAt, (size % 5) switch { 0 => "1e400", 1 => "-99999999999999999999999999999", 2 => "1.5", 3 => "-0", _ => "\"7\"" }));
            case 5: // deep nesting
                {
                    var depth = 64 + (size * 37 % 5000);
                    return Encoding.UTF8.GetBytes(text[..charAt] + new string('[', depth) + new string(']', depth) + text[charAt..]);
                }

            case 6: // a duplicate key in front of an object's members
                {
                    var brace = text.IndexOf('{', charAt);
                    if (brace < 0)
                    {
                        return seed;
                    }

                    var keys = new[] { "\"Records\":[],", "\"eventSource\":\"aws:sqs\",", "\"version\":\"2.0\",", "\"body\":\"x\",", "\"isBase64Encoded\":true," };
                    return Encoding.UTF8.GetBytes(text[..(brace + 1)] + keys[size % keys.Length] + text[(brace + 1)..]);
                }

            case 7: // invalid base64 where base64 is expected
                return Encoding.UTF8.GetBytes(text.Replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true", StringComparison.Ordinal)
                    .Replace("\"data\":\"", "\"data\":\"!!*", StringComparison.Ordinal)
                    .Replace("\"B\":\"", "\"B\":\"=#", StringComparison.Ordinal));
            case 8: // an enormous string
                return Encoding.UTF8.GetBytes(ReplaceNextString(text, charAt, "\"" + new string('s', 10_000 + (size * 997 % 200_000)) + "\""));
            case 9: // odd escapes and lone surrogates
                return Encoding.UTF8.GetBytes(ReplaceNextString(text, charAt, (size % 3) switch { 0 => "\"\\ud800\"", 1 => "\"\\u0000%00%ZZ%2e%2e/..\"", _ => "\"\\/\\b\\f\\t\"" }));
            case 10: // odd paths for the router
                return Encoding.UTF8.GetBytes(text.Replace("/items/", (size % 4) switch { 0 => "/items/%", 1 => "/items/%E0%A4%A/", 2 => "/" + new string('a', 70_000) + "/", _ => "/items/../../" }, StringComparison.Ordinal));
            case 11: // top-level of another kind
                return (size % 4) switch { 0 => "null"u8.ToArray(), 1 => "[]"u8.ToArray(), 2 => "\"Records\""u8.ToArray(), _ => "123"u8.ToArray() };
            case 12: // two mutations
                return Mutate(Mutate(seed, size % 12, at * 7 + 1, size / 3), size / 7 % 12, at, size);
            default: // empty
                return [];
        }
    }

    private static string ReplaceNextString(string text, int from, string replacement)
    {
        var start = text.IndexOf("\":\"", from, StringComparison.Ordinal);
        if (start < 0)
        {
            return text;
        }

        start += 2;
        var end = start + 1;
        while (end < text.Length && (text[end] != '"' || text[end - 1] == '\\'))
        {
            end++;
        }

        return end >= text.Length ? text : text[..start] + replacement + text[(end + 1)..];
    }

    private static string ReplaceNextNumber(string text, int from, string replacement)
    {
        for (var i = from; i < text.Length - 1; i++)
        {
            if (text[i] == ':' && (char.IsDigit(text[i + 1]) || text[i + 1] == '-'))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '.' or '-' or 'e' or 'E' or '+'))
                {
                    end++;
                }

                return text[..(i + 1)] + replacement + text[end..];
            }
        }

        return text;
    }
}
