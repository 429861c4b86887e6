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
/// (<see cref="System.Runtime.JitInfo"/>): what ReadyToRun code did not cover on the way to that moment.
/// </summary>
internal static class Mark
{
    private static readonly bool s_jit = Environment.GetEnvironmentVariable("LAMBDAKIT_PROBE_JIT") == "1";

    public static void At(string name)
    {
        File.Exists("/lambdakit-mark/" + name);
        if (s_jit)
        {
            Console.Error.WriteLine($"jit {name} methods={System.Runtime.JitInfo.GetCompiledMethodCount()} ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1}");
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
