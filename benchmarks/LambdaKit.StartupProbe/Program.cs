using HelloWorld;
using LambdaKit;
using Microsoft.Extensions.DependencyInjection;

// samples/HelloWorld/Program.cs, with marks between its steps (see the project file).
Mark.At("main");
var builder = LambdaApplication.CreateBuilder(args);
Mark.At("builder-created");
builder.Services.AddLambdaKit(options => options.AddJsonSerializerContext(HelloJsonContext.Default));
builder.Services.AddScoped<HelloHandler>();
builder.Services.AddHandler<HelloRequest, HelloResponse, MarkedHandler>();
Mark.At("services-registered");
await using var app = builder.Build();
Mark.At("services-built");
await app.RunAsync();

/// <summary>
/// Marks a moment of the start-up: a stat() of a path that does not exist, visible to strace. With
/// <c>LAMBDAKIT_PROBE_JIT=1</c> it also prints to stderr how many methods the JIT compiled so far and how long that took
/// (<see cref="System.Runtime.JitInfo"/>): what ReadyToRun code did not cover on the way to that moment. With
/// <c>LAMBDAKIT_PROBE_T0</c> set to the launcher's wall clock at spawn (Unix nanoseconds), it keeps each mark's wall clock
/// and prints them all to stderr at the handler's end (<c>mark NAME MS</c>, milliseconds after spawn): no strace, no
/// console on the way, so the moments are those of an untraced start.
/// </summary>
internal static class Mark
{
    private static readonly bool s_jit = Environment.GetEnvironmentVariable("LAMBDAKIT_PROBE_JIT") == "1";
    private static readonly long s_t0 = long.TryParse(Environment.GetEnvironmentVariable("LAMBDAKIT_PROBE_T0"), out var t0) ? t0 : 0;
    private static readonly (string Name, long Ticks)[] s_marks = new (string, long)[16];
    private static int s_count;

    public static void At(string name)
    {
        File.Exists("/lambdakit-mark/" + name);
        if (s_jit)
        {
            Console.Error.WriteLine($"jit {name} methods={System.Runtime.JitInfo.GetCompiledMethodCount()} ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1}");
        }

        if (s_t0 != 0 && s_count < s_marks.Length)
        {
            s_marks[s_count++] = (name, DateTime.UtcNow.Ticks);
            if (name == "handler-end")
            {
                foreach (var (mark, ticks) in s_marks.AsSpan(0, s_count))
                {
                    var ns = (ticks - DateTime.UnixEpoch.Ticks) * 100;
                    Console.Error.WriteLine($"mark {mark} {(ns - s_t0) / 1e6:F2}");
                }
            }
        }
    }
}

/// <summary>The sample's handler, between two marks.</summary>
internal sealed class MarkedHandler(HelloHandler inner) : ILambdaHandler<HelloRequest, HelloResponse>
{
    public async ValueTask<HelloResponse> HandleAsync(HelloRequest input, ILambdaContext context, CancellationToken cancellationToken)
    {
        Mark.At("handler-start");
        var response = await inner.HandleAsync(input, context, cancellationToken).ConfigureAwait(false);
        Mark.At("handler-end");
        return response;
    }
}
