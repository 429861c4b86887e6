using System.Diagnostics.CodeAnalysis;
using LambdaKit;
using LambdaKit.Batching;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.KinesisFirehose;
using LambdaKit.Events.SQS;
using LambdaKit.Hosting;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers per-record handlers of SQS, Kinesis and DynamoDB stream batches that answer with a partial batch response, and of Firehose transformations.</summary>
public static class BatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the handler of SQS batches: each message goes to <typeparamref name="THandler"/> (resolved from the invocation's
    /// scope), and the function answers with an <see cref="SQSBatchResponse"/> listing the messages to retry. Turn on
    /// <c>ReportBatchItemFailures</c> on the event source mapping.
    /// </summary>
    /// <typeparam name="THandler">A class derived from <see cref="SqsRecordHandler{T}"/> or <see cref="SqsRecordHandler"/>.</typeparam>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Configures the batch (concurrency, per-record time estimate).</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddSqsHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IServiceCollection services, Action<BatchOptions>? configure = null)
        where THandler : BatchRecordHandler<SQSEvent.SQSMessage>
        => services.AddBatchHandler<SQSEvent, SQSEvent.SQSMessage, THandler>(SqsBatchSource.Instance, configure);

    /// <summary>
    /// Registers the handler of Kinesis batches: records go to <typeparamref name="THandler"/> in order, and the function
    /// answers with a <see cref="StreamsEventResponse"/> that reports the first failed record and every later one. Turn on
    /// <c>ReportBatchItemFailures</c> on the event source mapping.
    /// </summary>
    /// <typeparam name="THandler">A class derived from <see cref="KinesisRecordHandler{T}"/> or <see cref="KinesisRecordHandler"/>.</typeparam>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Configures the batch (per-record time estimate).</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddKinesisHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IServiceCollection services, Action<BatchOptions>? configure = null)
        where THandler : BatchRecordHandler<KinesisEvent.KinesisEventRecord>
        => services.AddBatchHandler<KinesisEvent, KinesisEvent.KinesisEventRecord, THandler>(KinesisBatchSource.Instance, configure);

    /// <summary>
    /// Registers the handler of DynamoDB stream batches: records go to <typeparamref name="THandler"/> in order, and the function
    /// answers with a <see cref="StreamsEventResponse"/> that reports the first failed record and every later one. Turn on
    /// <c>ReportBatchItemFailures</c> on the event source mapping.
    /// </summary>
    /// <typeparam name="THandler">A class derived from <see cref="DynamoDbRecordHandler"/>.</typeparam>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Configures the batch (per-record time estimate).</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddDynamoDbHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IServiceCollection services, Action<BatchOptions>? configure = null)
        where THandler : BatchRecordHandler<DynamoDBEvent.DynamodbStreamRecord>
        => services.AddBatchHandler<DynamoDBEvent, DynamoDBEvent.DynamodbStreamRecord, THandler>(DynamoDbBatchSource.Instance, configure);

    /// <summary>
    /// Registers the handler of Amazon Data Firehose transformations: each record goes to <typeparamref name="THandler"/>
    /// (resolved from the invocation's scope), and the function answers with a <see cref="KinesisFirehoseResponse"/> that has
    /// every <c>recordId</c>: <c>Ok</c>, <c>Dropped</c>, or <c>ProcessingFailed</c> for a record whose handler threw or that
    /// the deadline left unfinished.
    /// </summary>
    /// <typeparam name="THandler">A class derived from <see cref="KinesisFirehoseRecordHandler"/>.</typeparam>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Configures the batch (concurrency, per-record time estimate).</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddKinesisFirehoseHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IServiceCollection services, Action<BatchOptions>? configure = null)
        where THandler : KinesisFirehoseRecordHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<THandler>();
        return services.AddBatchSource(FirehoseBatchSource.Instance, typeof(THandler), configure, static scope => new FirehoseRecordAdapter(scope.GetRequiredService<THandler>()));
    }

    private static IServiceCollection AddBatchHandler<TEvent, TRecord, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IServiceCollection services, BatchSource<TEvent, TRecord> source, Action<BatchOptions>? configure)
        where TRecord : class
        where THandler : BatchRecordHandler<TRecord>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<THandler>();
        return services.AddBatchSource(source, typeof(THandler), configure, static scope => scope.GetRequiredService<THandler>());
    }

    private static IServiceCollection AddBatchSource<TEvent, TRecord>(
        this IServiceCollection services, BatchSource<TEvent, TRecord> source, Type handlerType, Action<BatchOptions>? configure, Func<IServiceProvider, BatchRecordHandler<TRecord>> handlerOf)
        where TRecord : class
    {
        services.AddLambdaKit();
        var optionsName = source.Kind.ToString();
        var options = services.AddOptions<BatchOptions>(optionsName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BatchOptions>, BatchOptionsValidator>());
        options.ValidateOnStart();
        ClosedOptions.Register<BatchOptions>(services);
        ClosedOptions.RegisterLogger<BatchLog>(services);
        services.AddSingleton(new HandlerRegistration(
            $"{handlerType.Name} ({source.Name} batch)",
            [source.Kind],
            sp =>
            {
                var json = sp.GetRequiredService<JsonMetadata>();
                var lambdaKit = sp.GetRequiredService<IOptions<LambdaKitOptions>>().Value;
                EnsurePayloadMetadata(handlerType, json);
                var processor = new BatchProcessor<TEvent, TRecord>(
                    source,
                    json,
                    sp.GetRequiredService<IOptionsMonitor<BatchOptions>>().Get(optionsName),
                    lambdaKit.CancellationMargin,
                    sp.GetRequiredService<ILogger<BatchLog>>(),
                    handlerOf);
                return (context, _) => processor.InvokeAsync(context);
            })
        {
            Prime = sp =>
            {
                LambdaJson.Prime(source.EventTypeInfo);
                return HandlerRegistrationFactory.PrimeResolutionAsync(sp, handlerOf);
            },
        });
        return services;
    }

    /// <summary>
    /// Fails the init phase, rather than the first batch, when the payload type of a typed record handler has no JSON metadata.
    /// Reads the handler's base type only (no member reflection, AOT-safe).
    /// </summary>
    private static void EnsurePayloadMetadata(Type handlerType, JsonMetadata json)
    {
        for (var type = handlerType.BaseType; type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType)
            {
                continue;
            }

            var definition = type.GetGenericTypeDefinition();
            if (definition != typeof(SqsRecordHandler<>) && definition != typeof(KinesisRecordHandler<>))
            {
                continue;
            }

            var payloadType = type.GetGenericArguments()[0];
            if (json.Knows(payloadType))
            {
                return;
            }

            throw json.Missing(payloadType, $"the payload of {handlerType.Name}");
        }
    }
}
