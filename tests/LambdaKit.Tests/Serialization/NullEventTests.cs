using System.Text;
using System.Text.Json.Serialization;
using LambdaKit.Context;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Serialization;

/// <summary>A JSON <c>null</c> event never reaches a handler as a null argument.</summary>
public sealed partial class NullEventTests
{
    internal sealed record Order(string Id);

    internal readonly record struct Tick(int N);

    [JsonSerializable(typeof(Order))]
    [JsonSerializable(typeof(Tick?))]
    [JsonSerializable(typeof(List<Order>))]
    internal sealed partial class NullJsonContext : JsonSerializerContext;

    internal sealed class Calls
    {
        public int Count { get; set; }

        public object? LastInput { get; set; }
    }

    internal sealed class OrderHandler(Calls calls) : ILambdaHandler<Order, string>
    {
        public ValueTask<string> HandleAsync(Order input, ILambdaContext context, CancellationToken cancellationToken)
        {
            calls.Count++;
            return ValueTask.FromResult(input.Id);
        }
    }

    internal sealed class TickHandler(Calls calls) : ILambdaHandler<Tick?>
    {
        public ValueTask HandleAsync(Tick? input, ILambdaContext context, CancellationToken cancellationToken)
        {
            calls.Count++;
            calls.LastInput = input;
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<(Calls Calls, Exception? Failure)> DispatchAsync(string json, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddSingleton<Calls>();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(NullJsonContext.Default));
        register(services);
        await using var provider = services.BuildServiceProvider();
        using var output = new PooledBufferWriter();
        await using var scope = provider.CreateAsyncScope();
        var context = new InvocationContext(new InvocationHeaders("r", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false)
        {
            Payload = Encoding.UTF8.GetBytes(json),
            Output = output,
            Services = scope.ServiceProvider,
        };
        try
        {
            await provider.GetRequiredService<InvocationDispatcher>().DispatchAsync(context);
            return (provider.GetRequiredService<Calls>(), null);
        }
        catch (Exception exception)
        {
            return (provider.GetRequiredService<Calls>(), exception);
        }
    }

    [Theory]
    [InlineData("null")]
    [InlineData(" null ")]
    public async Task Null_event_for_a_class_is_a_json_deserialization_error_naming_the_type(string json)
    {
        var (calls, failure) = await DispatchAsync(json, s => s.AddHandler<Order, string, OrderHandler>());

        Assert.Equal(0, calls.Count);
        var exception = Assert.IsType<EventDeserializationException>(failure);
        Assert.Contains("JSON null", exception.Message, StringComparison.Ordinal);
        Assert.Contains("expects Order", exception.Message, StringComparison.Ordinal);
        var report = LambdaError.FromException(exception);
        Assert.Equal("Function.JsonDeserializationError", report.ErrorType);
    }

    [Fact]
    public async Task Null_event_names_a_generic_type_as_csharp_writes_it()
    {
        var (_, failure) = await DispatchAsync("null", s => s.AddHandler<List<Order>, string, GenericHandler>());

        var exception = Assert.IsType<EventDeserializationException>(failure);
        Assert.Contains("expects List<Order>", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_event_reaches_a_handler_whose_event_type_is_a_nullable_value_type()
    {
        var (calls, failure) = await DispatchAsync("null", s => s.AddHandler<Tick?, TickHandler>());

        Assert.Null(failure);
        Assert.Equal(1, calls.Count);
        Assert.Null(calls.LastInput);
    }

    [Fact]
    public async Task Object_event_still_reaches_the_handler()
    {
        var (calls, failure) = await DispatchAsync("""{"Id":"o-1"}""", s => s.AddHandler<Order, string, OrderHandler>());

        Assert.Null(failure);
        Assert.Equal(1, calls.Count);
    }

    internal sealed class GenericHandler : ILambdaHandler<List<Order>, string>
    {
        public ValueTask<string> HandleAsync(List<Order> input, ILambdaContext context, CancellationToken cancellationToken)
            => ValueTask.FromResult(input.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
