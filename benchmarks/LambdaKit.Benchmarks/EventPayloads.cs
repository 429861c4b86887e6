using System.Text;

namespace LambdaKit.Benchmarks;

/// <summary>Realistic event payloads, built in code so that the benchmarks need no files.</summary>
internal static class EventPayloads
{
    public static byte[] HttpApiV2() => Encoding.UTF8.GetBytes("""
        {"version":"2.0","routeKey":"$default","rawPath":"/orders/42","rawQueryString":"expand=items&page=2",
         "cookies":["session=abc123","theme=dark"],
         "headers":{"accept":"application/json","accept-encoding":"gzip, deflate, br","content-length":"0","host":"abc123.execute-api.us-east-1.amazonaws.com","user-agent":"Mozilla/5.0 (X11; Linux x86_64)","x-amzn-trace-id":"Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e","x-forwarded-for":"203.0.113.10","x-forwarded-port":"443","x-forwarded-proto":"https"},
         "queryStringParameters":{"expand":"items","page":"2"},
         "requestContext":{"accountId":"123456789012","apiId":"abc123","domainName":"abc123.execute-api.us-east-1.amazonaws.com","domainPrefix":"abc123",
           "http":{"method":"GET","path":"/orders/42","protocol":"HTTP/1.1","sourceIp":"203.0.113.10","userAgent":"Mozilla/5.0 (X11; Linux x86_64)"},
           "requestId":"JKJaXmPLvHcESHA=","routeKey":"$default","stage":"$default","time":"10/Mar/2026:05:16:23 +0000","timeEpoch":1773119783000},
         "isBase64Encoded":false}
        """);

    public static byte[] SqsBatch(int count, Func<int, string>? body = null)
    {
        var builder = new StringBuilder("{\"Records\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var text = (body ?? (n => $$"""{\"id\":\"order-{{n}}\",\"fail\":false,\"sleepMs\":0}"""))(i);
            builder.Append($$"""
                {"messageId":"059f36b4-87a3-44ab-83d2-66197{{i:D7}}","receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...","body":"{{text}}",
                 "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1545082649183","SenderId":"AIDAIENQZJOLO23YVJ4VO","ApproximateFirstReceiveTimestamp":"1545082649185"},
                 "messageAttributes":{},"md5OfBody":"098f6bcd4621d373cade4e832627b4f6","eventSource":"aws:sqs",
                 "eventSourceARN":"arn:aws:sqs:us-east-2:123456789012:my-queue","awsRegion":"us-east-2"}
                """);
        }

        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }
}
