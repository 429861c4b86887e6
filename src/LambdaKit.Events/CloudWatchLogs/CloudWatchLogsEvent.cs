using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.CloudWatchLogs;

/// <summary>
/// Log events delivered by a CloudWatch Logs subscription filter. The log events are in <c>awslogs.data</c>, base64 of
/// gzip-compressed JSON: <see cref="Log.Decode"/> reads them into a <see cref="CloudWatchLogsData"/> on demand.
/// Mirrors <c>Amazon.Lambda.CloudWatchLogsEvents.CloudWatchLogsEvent</c>.
/// </summary>
public sealed class CloudWatchLogsEvent
{
    /// <summary>Gets or sets the compressed log data.</summary>
    [JsonPropertyName("awslogs")]
    public Log? Awslogs { get; set; }

    /// <summary>The compressed log data of a subscription.</summary>
    public sealed class Log
    {
        /// <summary>Gets or sets the base64 of the gzip-compressed JSON document (JSON <c>data</c>).</summary>
        [JsonPropertyName("data")]
        public string? EncodedData { get; set; }

        /// <summary>Decodes <see cref="EncodedData"/> into the JSON text of the log document.</summary>
        /// <returns>The JSON text, or <see langword="null"/> when there is no data.</returns>
        /// <exception cref="InvalidDataException">The data is not base64 of gzip-compressed content.</exception>
        public string? DecodeData()
        {
            if (string.IsNullOrEmpty(EncodedData))
            {
                return EncodedData;
            }

            return Encoding.UTF8.GetString(Decompress(EncodedData));
        }

        /// <summary>Decodes <see cref="EncodedData"/> into the typed log document (log group, stream, log events).</summary>
        /// <returns>The log document.</returns>
        /// <exception cref="InvalidDataException">
        /// There is no data, it is not base64 of gzip-compressed content, or the content is not the JSON of a log document.
        /// </exception>
        public CloudWatchLogsData Decode()
        {
            if (string.IsNullOrEmpty(EncodedData))
            {
                throw new InvalidDataException("The CloudWatch Logs event has no awslogs.data to decode.");
            }

            var json = Decompress(EncodedData);
            try
            {
                return JsonSerializer.Deserialize(json, LambdaKitEventsJsonContext.Default.CloudWatchLogsData)
                    ?? throw new InvalidDataException("awslogs.data decodes to JSON null, not a CloudWatch Logs document.");
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"awslogs.data decompresses to content that is not a CloudWatch Logs document: {exception.Message}", exception);
            }
        }

        private static byte[] Decompress(string encoded)
        {
            byte[] compressed;
            try
            {
                compressed = Convert.FromBase64String(encoded);
            }
            catch (FormatException exception)
            {
                throw new InvalidDataException($"awslogs.data is not valid base64: {exception.Message}", exception);
            }

            try
            {
                using var input = new MemoryStream(compressed, writable: false);
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                using var output = new MemoryStream(compressed.Length * 4);
                gzip.CopyTo(output);
                return output.ToArray();
            }
            catch (InvalidDataException exception)
            {
                throw new InvalidDataException($"awslogs.data is base64 but not gzip-compressed data: {exception.Message}", exception);
            }
        }
    }
}
