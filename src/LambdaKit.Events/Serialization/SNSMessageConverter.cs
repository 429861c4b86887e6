using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Events.SNS;

namespace LambdaKit.Events.Serialization;

/// <summary>
/// Converts an <see cref="SNSEvent.SNSMessage"/> to and from JSON, accepting both spellings AWS uses for
/// <c>SigningCertUrl</c>/<c>SigningCertURL</c> and <c>UnsubscribeUrl</c>/<c>UnsubscribeURL</c> and writing back the one that was read.
/// </summary>
/// <remarks>Members that are <see langword="null"/> are not written; unknown members are skipped when reading.</remarks>
public sealed class SNSMessageConverter : JsonConverter<SNSEvent.SNSMessage>
{
    /// <inheritdoc />
    public override SNSEvent.SNSMessage? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectToken(ref reader, JsonTokenType.StartObject);
        var message = new SNSEvent.SNSMessage();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Type"u8))
            {
                message.Type = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("MessageId"u8))
            {
                message.MessageId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("TopicArn"u8))
            {
                message.TopicArn = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Subject"u8))
            {
                message.Subject = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Message"u8))
            {
                message.Message = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Timestamp"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var timestamp))
                    {
                        throw new JsonException("The SNS message 'Timestamp' is not an ISO 8601 date and time.");
                    }

                    message.Timestamp = timestamp;
                }
            }
            else if (reader.ValueTextEquals("SignatureVersion"u8))
            {
                message.SignatureVersion = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("Signature"u8))
            {
                message.Signature = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("SigningCertUrl"u8))
            {
                message.SigningCertUrl = ReadString(ref reader);
                message.SigningCertUrlUpperCase = false;
            }
            else if (reader.ValueTextEquals("SigningCertURL"u8))
            {
                message.SigningCertUrl = ReadString(ref reader);
                message.SigningCertUrlUpperCase = true;
            }
            else if (reader.ValueTextEquals("UnsubscribeUrl"u8))
            {
                message.UnsubscribeUrl = ReadString(ref reader);
                message.UnsubscribeUrlUpperCase = false;
            }
            else if (reader.ValueTextEquals("UnsubscribeURL"u8))
            {
                message.UnsubscribeUrl = ReadString(ref reader);
                message.UnsubscribeUrlUpperCase = true;
            }
            else if (reader.ValueTextEquals("MessageAttributes"u8))
            {
                message.MessageAttributes = ReadAttributes(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        ExpectToken(ref reader, JsonTokenType.EndObject);
        return message;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SNSEvent.SNSMessage value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);

        writer.WriteStartObject();
        WriteString(writer, "Type"u8, value.Type);
        WriteString(writer, "MessageId"u8, value.MessageId);
        WriteString(writer, "TopicArn"u8, value.TopicArn);
        WriteString(writer, "Subject"u8, value.Subject);
        WriteString(writer, "Message"u8, value.Message);
        if (value.Timestamp != default)
        {
            writer.WriteString("Timestamp"u8, value.Timestamp);
        }

        WriteString(writer, "SignatureVersion"u8, value.SignatureVersion);
        WriteString(writer, "Signature"u8, value.Signature);
        WriteString(writer, value.SigningCertUrlUpperCase ? "SigningCertURL"u8 : "SigningCertUrl"u8, value.SigningCertUrl);
        WriteString(writer, value.UnsubscribeUrlUpperCase ? "UnsubscribeURL"u8 : "UnsubscribeUrl"u8, value.UnsubscribeUrl);
        if (value.MessageAttributes is { } attributes)
        {
            writer.WriteStartObject("MessageAttributes"u8);
            foreach (var (name, attribute) in attributes)
            {
                writer.WritePropertyName(name);
                if (attribute is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteString(writer, "Type"u8, attribute.Type);
                WriteString(writer, "Value"u8, attribute.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static Dictionary<string, SNSEvent.MessageAttribute>? ReadAttributes(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectToken(ref reader, JsonTokenType.StartObject);
        var attributes = new Dictionary<string, SNSEvent.MessageAttribute>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                attributes[name] = null!;
                continue;
            }

            ExpectToken(ref reader, JsonTokenType.StartObject);
            var attribute = new SNSEvent.MessageAttribute();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("Type"u8))
                {
                    attribute.Type = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("Value"u8))
                {
                    attribute.Value = ReadString(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            ExpectToken(ref reader, JsonTokenType.EndObject);
            attributes[name] = attribute;
        }

        ExpectToken(ref reader, JsonTokenType.EndObject);
        return attributes;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw new JsonException($"Expected a string in an SNS message but found {reader.TokenType}."),
        };
    }

    private static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void ExpectToken(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"Expected {expected} in an SNS message but found {reader.TokenType}.");
        }
    }
}
