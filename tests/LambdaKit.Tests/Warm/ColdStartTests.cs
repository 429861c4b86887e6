using System.Text.Json.Serialization;
using LambdaKit.Invocation;
using LambdaKit.Runtime;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Warm;

/// <summary><see cref="ILambdaContext.IsColdStart"/>: true for the first invocation of an on-demand environment only.</summary>
public sealed partial class ColdStartTests
{
    internal sealed record Probe(int N);

    internal sealed record ProbeAnswer(bool ColdStart);

    [JsonSerializable(typeof(Probe))]
    [JsonSerializable(typeof(ProbeAnswer))]
    internal sealed partial class ProbeJsonContext : JsonSerializerContext;

    internal sealed class ProbeHandler : ILambdaHandler<Probe, ProbeAnswer>
    {
        public async ValueTask<ProbeAnswer> HandleAsync(Probe input, ILambdaContext context, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return new ProbeAnswer(context.IsColdStart);
        }
    }

    private static async Task<bool[]> RunAsync(string? initializationType, int concurrency, int invocations)
    {
        var api = new FakeRuntimeApiClient();
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(name => name == "AWS_LAMBDA_INITIALIZATION_TYPE" ? initializationType : null));
        services.AddLogging();
        services.AddLambdaKit(o =>
        {
            o.AddJsonSerializerContext(ProbeJsonContext.Default);
            o.MaxConcurrency = concurrency;
        });
        services.AddSingleton<IRuntimeApiClient>(api);
        services.AddHandler<Probe, ProbeAnswer, ProbeHandler>();
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var loop = provider.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);

        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        var answers = await Task.WhenAll(Enumerable.Range(0, invocations).Select(i => api.Enqueue($$"""{"N":{{i}}}""", deadline)));
        stop.Cancel();
        await loop;

        Assert.All(answers, a => Assert.Equal("response", a.Kind));
        return answers.Select(a => a.Body.Contains("\"ColdStart\":true", StringComparison.Ordinal)).ToArray();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("on-demand")]
    public async Task Cold_start_is_true_for_exactly_one_invocation_of_an_on_demand_environment(string? initializationType)
    {
        var coldStarts = await RunAsync(initializationType, concurrency: 1, invocations: 5);

        Assert.Equal(new[] { true, false, false, false, false }, coldStarts);
    }

    [Fact]
    public async Task Cold_start_is_true_exactly_once_when_invocations_overlap()
    {
        var coldStarts = await RunAsync("on-demand", concurrency: 4, invocations: 24);

        Assert.Single(coldStarts, c => c);
    }

    [Theory]
    [InlineData("provisioned-concurrency")]
    [InlineData("snap-start")]
    public async Task Cold_start_is_never_true_for_a_pre_provisioned_environment(string initializationType)
    {
        var coldStarts = await RunAsync(initializationType, concurrency: 2, invocations: 6);

        Assert.DoesNotContain(true, coldStarts);
    }
}
