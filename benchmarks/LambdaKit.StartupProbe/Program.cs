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

/// <summary>Marks a moment of the start-up: a stat() of a path that does not exist, visible to strace.</summary>
internal static class Mark
{
    public static void At(string name) => File.Exists("/lambdakit-mark/" + name);
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
