using LambdaKit.Warm;

namespace LambdaKit.Hosting;

/// <summary>Builds a warm-state value in the init phase when its entry asks for it (<see cref="WarmStateOptions.WarmUpAtStart"/>).</summary>
internal sealed class WarmUpInitializer<T>(IWarmState<T> state) : ILambdaInitializer
    where T : notnull
{
    public async ValueTask InitializeAsync(CancellationToken cancellationToken)
    {
        if (state is WarmState<T> { Options.WarmUpAtStart: true })
        {
            await state.GetAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
