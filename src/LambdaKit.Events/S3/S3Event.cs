using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.S3;

/// <summary>
/// An Amazon S3 event notification delivered to a function. Mirrors <c>Amazon.Lambda.S3Events.S3Event</c>.
/// </summary>
public sealed class S3Event
{
    /// <summary>Gets or sets the notification records.</summary>
    [JsonPropertyName("Records")]
    public List<S3EventNotificationRecord> Records { get; set; } = [];

    /// <summary>One S3 event notification record.</summary>
    public sealed class S3EventNotificationRecord
    {
        /// <summary>Gets or sets the version of the event structure, for example <c>2.1</c>.</summary>
        [JsonPropertyName("eventVersion")]
        public string? EventVersion { get; set; }

        /// <summary>Gets or sets the event source, <c>aws:s3</c>.</summary>
        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        /// <summary>Gets or sets the AWS Region of the bucket.</summary>
        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        /// <summary>Gets or sets when S3 finished processing the request (UTC).</summary>
        [JsonPropertyName("eventTime")]
        public DateTime EventTime { get; set; }

        /// <summary>Gets or sets the event type, for example <c>ObjectCreated:Put</c>.</summary>
        [JsonPropertyName("eventName")]
        public string? EventName { get; set; }

        /// <summary>Gets or sets the principal that caused the event.</summary>
        [JsonPropertyName("userIdentity")]
        public UserIdentityEntity? UserIdentity { get; set; }

        /// <summary>Gets or sets the parameters of the request that caused the event.</summary>
        [JsonPropertyName("requestParameters")]
        public RequestParametersEntity? RequestParameters { get; set; }

        /// <summary>Gets or sets the response elements, useful when contacting AWS Support.</summary>
        [JsonPropertyName("responseElements")]
        public ResponseElementsEntity? ResponseElements { get; set; }

        /// <summary>Gets or sets the bucket and object the event is about.</summary>
        [JsonPropertyName("s3")]
        public S3Entity? S3 { get; set; }

        /// <summary>Gets or sets the restore details of an <c>ObjectRestore:Completed</c> event (older shape).</summary>
        [JsonPropertyName("glacierEventData")]
        public S3GlacierEventData? GlacierEventData { get; set; }

        /// <summary>Gets or sets the restore details of an <c>ObjectRestore</c> event.</summary>
        [JsonPropertyName("restoreEventData")]
        public S3RestoreEventData? RestoreEventData { get; set; }

        /// <summary>Gets or sets the details of an <c>IntelligentTiering</c> event.</summary>
        [JsonPropertyName("intelligentTieringEventData")]
        public S3IntelligentTieringEventData? IntelligentTieringEventData { get; set; }

        /// <summary>Gets or sets the details of a <c>LifecycleTransition</c> event.</summary>
        [JsonPropertyName("lifecycleEventData")]
        public S3LifecycleEventData? LifecycleEventData { get; set; }

        /// <summary>Gets or sets the details of a <c>Replication</c> event.</summary>
        [JsonPropertyName("replicationEventData")]
        public S3ReplicationEventData? ReplicationEventData { get; set; }
    }

    /// <summary>An AWS principal.</summary>
    public sealed class UserIdentityEntity
    {
        /// <summary>Gets or sets the principal identifier.</summary>
        [JsonPropertyName("principalId")]
        public string? PrincipalId { get; set; }
    }

    /// <summary>The parameters of the request that caused an S3 event.</summary>
    public sealed class RequestParametersEntity
    {
        /// <summary>Gets or sets the IP address the request came from.</summary>
        [JsonPropertyName("sourceIPAddress")]
        public string? SourceIPAddress { get; set; }
    }

    /// <summary>The response elements of the request that caused an S3 event.</summary>
    public sealed class ResponseElementsEntity
    {
        /// <summary>Gets or sets the <c>x-amz-request-id</c> of the request.</summary>
        [JsonPropertyName("x-amz-request-id")]
        public string? XAmzRequestId { get; set; }

        /// <summary>Gets or sets the <c>x-amz-id-2</c> of the request.</summary>
        [JsonPropertyName("x-amz-id-2")]
        public string? XAmzId2 { get; set; }
    }

    /// <summary>The bucket and object an S3 event is about.</summary>
    public sealed class S3Entity
    {
        /// <summary>Gets or sets the version of the <c>s3</c> structure, for example <c>1.0</c>.</summary>
        [JsonPropertyName("s3SchemaVersion")]
        public string? S3SchemaVersion { get; set; }

        /// <summary>Gets or sets the identifier of the bucket's notification configuration.</summary>
        [JsonPropertyName("configurationId")]
        public string? ConfigurationId { get; set; }

        /// <summary>Gets or sets the bucket.</summary>
        [JsonPropertyName("bucket")]
        public S3BucketEntity? Bucket { get; set; }

        /// <summary>Gets or sets the object.</summary>
        [JsonPropertyName("object")]
        [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Name mirrors the Amazon.Lambda.*Events packages so that handlers port by a change of using.")]
        public S3ObjectEntity? Object { get; set; }
    }

    /// <summary>The bucket of an S3 event.</summary>
    public sealed class S3BucketEntity
    {
        /// <summary>Gets or sets the bucket name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>Gets or sets the owner of the bucket.</summary>
        [JsonPropertyName("ownerIdentity")]
        public UserIdentityEntity? OwnerIdentity { get; set; }

        /// <summary>Gets or sets the ARN of the bucket.</summary>
        [JsonPropertyName("arn")]
        public string? Arn { get; set; }
    }

    /// <summary>The object of an S3 event.</summary>
    public sealed class S3ObjectEntity
    {
        /// <summary>Gets or sets the object key exactly as S3 sends it: URL-encoded, with <c>+</c> for a space. See <see cref="KeyDecoded"/>.</summary>
        [JsonPropertyName("key")]
        public string? Key { get; set; }

        /// <summary>
        /// Gets or sets the <c>urlDecodedKey</c> member, when the event carries one (some tools and test events add it;
        /// S3 itself does not). It is kept as sent so that the event round-trips; use <see cref="KeyDecoded"/> to get the decoded key in every case.
        /// </summary>
        [JsonPropertyName("urlDecodedKey")]
        public string? UrlDecodedKey { get; set; }

        /// <summary>
        /// Gets the object key decoded from <see cref="Key"/> (<c>+</c> becomes a space and <c>%XX</c> escapes are decoded),
        /// which is the key to pass to the S3 API; <see langword="null"/> when <see cref="Key"/> is. The name of
        /// <c>Amazon.Lambda.S3Events</c>. Not serialized.
        /// </summary>
        [JsonIgnore]
        public string? KeyDecoded => Key is null ? null : WebUtility.UrlDecode(Key);

        /// <summary>Gets the decoded object key: the same as <see cref="KeyDecoded"/>, LambdaKit's earlier name for it. Not serialized.</summary>
        [JsonIgnore]
        public string? DecodedKey => KeyDecoded;

        /// <summary>Gets or sets the object size in bytes; 0 when absent (delete events carry no size).</summary>
        /// <remarks>Written back as it came: a size that was sent (even 0) is written, a missing one stays missing.</remarks>
        [JsonIgnore]
        public long Size
        {
            get => SizeOnWire ?? 0;
            set => SizeOnWire = value;
        }

        /// <summary>The size as it is on the wire: <see langword="null"/> when absent.</summary>
        [JsonInclude]
        [JsonPropertyName("size")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        internal long? SizeOnWire { get; set; }

        /// <summary>Gets or sets the object's ETag.</summary>
        [JsonPropertyName("eTag")]
        public string? ETag { get; set; }

        /// <summary>Gets or sets the object version, when the bucket is versioned.</summary>
        [JsonPropertyName("versionId")]
        public string? VersionId { get; set; }

        /// <summary>Gets or sets a string that orders the events of one key (compare as hexadecimal strings of equal length).</summary>
        [JsonPropertyName("sequencer")]
        public string? Sequencer { get; set; }
    }

    /// <summary>The <c>glacierEventData</c> of an S3 restore event.</summary>
    public sealed class S3GlacierEventData
    {
        /// <summary>Gets or sets the restore details.</summary>
        [JsonPropertyName("restoreEventData")]
        public S3RestoreEventData? RestoreEventData { get; set; }
    }

    /// <summary>The restore details of an S3 restore event.</summary>
    public sealed class S3RestoreEventData
    {
        /// <summary>Gets or sets when the restored copy expires (UTC).</summary>
        [JsonPropertyName("lifecycleRestorationExpiryTime")]
        public DateTime LifecycleRestorationExpiryTime { get; set; }

        /// <summary>Gets or sets the storage class of the restored copy.</summary>
        [JsonPropertyName("lifecycleRestoreStorageClass")]
        public string? LifecycleRestoreStorageClass { get; set; }
    }

    /// <summary>The details of an S3 Intelligent-Tiering event.</summary>
    public sealed class S3IntelligentTieringEventData
    {
        /// <summary>Gets or sets the access tier the object moved to, for example <c>ARCHIVE_ACCESS</c>.</summary>
        [JsonPropertyName("destinationAccessTier")]
        public string? DestinationAccessTier { get; set; }
    }

    /// <summary>The details of an S3 Lifecycle event.</summary>
    public sealed class S3LifecycleEventData
    {
        /// <summary>Gets or sets the details of a Lifecycle transition.</summary>
        [JsonPropertyName("transitionEventData")]
        public S3TransitionEventData? TransitionEventData { get; set; }
    }

    /// <summary>The details of an S3 Lifecycle transition.</summary>
    public sealed class S3TransitionEventData
    {
        /// <summary>Gets or sets the storage class the object moved to, for example <c>GLACIER</c>.</summary>
        [JsonPropertyName("destinationStorageClass")]
        public string? DestinationStorageClass { get; set; }
    }

    /// <summary>The details of an S3 Replication event.</summary>
    public sealed class S3ReplicationEventData
    {
        /// <summary>Gets or sets the identifier of the replication rule.</summary>
        [JsonPropertyName("replicationRuleId")]
        public string? ReplicationRuleId { get; set; }

        /// <summary>Gets or sets the ARN of the destination bucket.</summary>
        [JsonPropertyName("destinationBucket")]
        public string? DestinationBucket { get; set; }

        /// <summary>Gets or sets the S3 operation replicated, for example <c>OBJECT_PUT</c>.</summary>
        [JsonPropertyName("s3Operation")]
        public string? S3Operation { get; set; }

        /// <summary>Gets or sets when the replication was requested, as sent (ISO 8601).</summary>
        [JsonPropertyName("requestTime")]
        public string? RequestTime { get; set; }

        /// <summary>Gets or sets why the replication failed, for a failure event.</summary>
        [JsonPropertyName("failureReason")]
        public string? FailureReason { get; set; }
    }
}
