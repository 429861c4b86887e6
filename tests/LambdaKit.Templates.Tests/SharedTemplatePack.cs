namespace LambdaKit.Templates.Tests;

/// <summary>The template tests share one pack and one template hive, and run one after the other (each builds a solution).</summary>
[CollectionDefinition(Name)]
public sealed class SharedTemplatePack : ICollectionFixture<TemplatesFixture>
{
    public const string Name = "Templates";
}
