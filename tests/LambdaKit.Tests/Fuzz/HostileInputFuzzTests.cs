using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using LambdaKit.Batching;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Routing;
using LambdaKit.Runtime;
using LambdaKit.Serialization;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Fuzz;

/// <summary>
/// Hostile input, generated with CsCheck from the project's own events: each case ends in a handler call or a structured
/// error — never another exception, a hang or unbounded memory. 50,000 cases in all by default; set
/// <c>LAMBDAKIT_FUZZ_CASES=1000000</c> to run a million (see README, "Reliability").
/// </summary>
public sealed partial class HostileInputFuzzTests
{
    internal sealed record FuzzPayload(string? Id, int N);

    [JsonSerializable(typeof(FuzzPayload))]
    internal sealed partial class FuzzJsonContext : JsonSerializerContext;

    internal sealed class FuzzSqsHandler : SqsRecordHandler<FuzzPayload>
    {
        protected override ValueTask HandleAsync(FuzzPayload payload, LambdaKit.Events.SQS.SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    internal sealed class FuzzKinesisHandler : KinesisRecordHandler<FuzzPayload>
    {
        protected override ValueTask HandleAsync(FuzzPayload payload, LambdaKit.Events.Kinesis.KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    internal sealed class FuzzDynamoDbHandler : DynamoDbRecordHandler
    {
        protected override ValueTask HandleAsync(LambdaKit.Events.DynamoDB.DynamoDBEvent.DynamodbStreamRecord record, ILambdaContext context, CancellationToken cancellationToken)
            => ValueTask.CompletedTask;
    }

    private static readonly Gen<(int Seed, int Kind, int At, int Size)> Cases =
        Gen.Select(Gen.Int[0, FuzzSeeds.All.Count - 1], Gen.Int[0, 1_000], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20]);

    private static byte[] Input((int Seed, int Kind, int At, int Size) c) => FuzzSeeds.Mutate(FuzzSeeds.All[c.Seed], c.Kind, c.At, c.Size);

    private static string Show((int Seed, int Kind, int At, int Size) c)
    {
        var input = Input(c);
        var text = Encoding.UTF8.GetString(input, 0, Math.Min(input.Length, 300));
        return $"seed {c.Seed} kind {c.Kind % 14} at {c.At} size {c.Size} ({input.Length} bytes): {text}";
    }

    [Fact]
    public async Task Detector_and_every_event_deserializer_end_in_a_value_or_a_json_error()
    {
        var typeInfos = Enum.GetValues<EventSourceKind>().Select(EventSourceTypes.GetTypeInfo).OfType<System.Text.Json.Serialization.Metadata.JsonTypeInfo>().ToArray();
        Assert.NotEmpty(typeInfos);

        var pcg = new PCG(20261122);
        var cases = FuzzSeeds.Cases(20_000);
        for (long i = 0; i < cases; i++)
        {
            var c = Cases.Generate(pcg, null, out _);
            var input = Input(c);
            var run = Task.Run(() =>
            {
                _ = EventSourceDetector.Detect(input, validate: false);
                _ = EventSourceDetector.Detect(input, validate: true);
                foreach (var typeInfo in typeInfos)
                {
                    try
                    {
                        _ = JsonSerializer.Deserialize(input, typeInfo);
                    }
                    catch (JsonException)
                    {
                    }
                }
            });
            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(finished == run, "hung on case " + i + ": " + Show(c));
            await run;
        }
    }

    [Fact]
    public void Whole_pipeline_ends_in_a_handler_call_or_a_structured_error()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(FuzzJsonContext.Default));
        services.AddSqsHandler<FuzzSqsHandler>();
        services.AddKinesisHandler<FuzzKinesisHandler>();
        services.AddDynamoDbHandler<FuzzDynamoDbHandler>();
        services.AddHttpApi(api =>
        {
            api.MapPost<FuzzPayload>("/items/{id}", (r, p, ct) => ValueTask.FromResult(HttpResults.Ok(p with { Id = r.GetRouteValue("id") })));
            api.MapGet("/items/{id}", r => HttpResults.Text((r.GetRouteValue("id") ?? string.Empty) + r.GetHeader("accept") + r.GetQuery("q")));
        });
        using var provider = services.BuildServiceProvider();
        var dispatcher = provider.GetRequiredService<InvocationDispatcher>();
        var environment = provider.GetRequiredService<LambdaEnvironment>();
        var headers = new InvocationHeaders("fuzz", DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeMilliseconds());
        using var output = new PooledBufferWriter();

        Cases.Sample(
            c =>
            {
                output.Reset();
                var context = new InvocationContext(headers, environment, TimeProvider.System, new RecordingLogger(), false)
                {
                    Payload = Input(c),
                    Output = output,
                };
                using var scope = provider.CreateScope();
                context.Services = scope.ServiceProvider;
                CurrentInvocation.Context = context;
                try
                {
                    var pending = dispatcher.DispatchAsync(context);
#pragma warning disable xUnit1031 // CsCheck's Sample takes a synchronous action; the wait is bounded.
                    if (!pending.IsCompleted && !pending.AsTask().Wait(TimeSpan.FromSeconds(10)))
#pragma warning restore xUnit1031
                    {
                        throw new TimeoutException("the pipeline hung");
                    }

                    pending.GetAwaiter().GetResult();
                }
                catch (Exception exception) when (exception is EventDeserializationException or UnknownEventSourceException or MissingRecordIdentifierException)
                {
                    // A structured error: the loop reports it on /error and goes on.
                }
            },
            iter: FuzzSeeds.Cases(20_000),
            threads: 1,
            print: Show);
    }

    private static readonly string[] StatusLines = ["HTTP/1.1 200 OK", "HTTP/1.0 200 OK", "HTTP/1.1 500 Oops", "HTTP/1.1 2", "HTTP/2 200", "HTTP/1.1 99999 X", "", "GARBAGE"];

    private static readonly string[] HeaderLines =
    [
        "Content-Length: 5", "Content-Length: -1", "Content-Length: 99999999999999999999", "Content-Length: 5x", "Content-Length: 2", "Content-Length: 0",
        "Transfer-Encoding: chunked", "Transfer-Encoding: gzip, chunked", "Connection: close", "Lambda-Runtime-Aws-Request-Id: r-1",
        "Lambda-Runtime-Deadline-Ms: 1700000000000", "Lambda-Runtime-Deadline-Ms: soon", "Lambda-Runtime-Trace-Id: \u00e9\u00ff", "Lambda-Runtime-: x",
        "NoColonHere", ": empty name", "Lambda-Runtime-Aws-Request-Id: r-2", "X-Long: " + new string('x', 20_000),
    ];

    private static readonly string[] BodyParts =
    [
        "hello", "5\r\nhello\r\n0\r\n\r\n", "FFFFFFFF\r\n", "-1\r\n", "zz\r\n", "3;ext=1\r\nabc\r\n0\r\nTrailer: t\r\n\r\n", "2\r\nabc\r\n", "0\r\n", "\r\n", "7fffffff\r\nab",
        "10000\r\n" + new string('b', 70_000) + "\r\n0\r\n\r\n",
    ];

    [Fact]
    public async Task Runtime_api_response_parser_ends_in_a_response_or_a_runtime_api_error()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(512);
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        var gen = Gen.Select(
            Gen.Int[0, StatusLines.Length - 1],
            Gen.Int[0, HeaderLines.Length - 1].Array[0, 6],
            Gen.Int[0, BodyParts.Length - 1].Array[0, 3],
            Gen.Int[0, 400]);
        var failures = new List<string>();
        var cases = FuzzSeeds.Cases(10_000);
        var pcg = new PCG(20261122);
        for (long i = 0; i < cases; i++)
        {
            var (status, headerIds, bodyIds, cut) = gen.Generate(pcg, null, out _);
            var text = new StringBuilder(StatusLines[status]).Append("\r\n");
            foreach (var h in headerIds)
            {
                text.Append(HeaderLines[h]).Append("\r\n");
            }

            text.Append("\r\n");
            foreach (var b in bodyIds)
            {
                text.Append(BodyParts[b]);
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            if (cut > 0 && cut < bytes.Length && cut % 3 == 0)
            {
                bytes = bytes[..(bytes.Length - cut)];
            }

            var accept = listener.AcceptSocketAsync();
            using var connection = await RuntimeApiConnection.ConnectAsync(endPoint, blocking: i % 2 == 1, CancellationToken.None); // both transports
            using (var server = await accept)
            {
                await server.SendAsync(bytes, SocketFlags.None);
                server.Shutdown(SocketShutdown.Send);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    var response = await connection.ReceiveAsync(wantInvocationHeaders: true, maxBodyBytes: 64 * 1024, timeout.Token);
                    response.Body.Return();
                }
                catch (Exception exception) when (exception is RuntimeApiException or SocketException or IOException)
                {
                }
                catch (Exception exception)
                {
                    failures.Add($"{exception.GetType().Name}: {exception.Message} for {Convert.ToBase64String(bytes[..Math.Min(bytes.Length, 400)])}");
                }
            }
        }

        Assert.Empty(failures.Take(5));
    }
}
