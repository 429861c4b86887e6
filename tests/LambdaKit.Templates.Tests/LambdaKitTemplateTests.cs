using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaKit.Templates.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.Templates.Tests;

/// <summary><c>dotnet new lambdakit</c>: one typed handler, AOT-ready, with its test project.</summary>
[Collection(SharedTemplatePack.Name)]
public sealed class LambdaKitTemplateTests(TemplatesFixture templates)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Template_package_installs_both_templates_into_the_private_hive()
    {
        Assert.Contains("lambdakit ", templates.InstallOutput, StringComparison.Ordinal);
        Assert.Contains("lambdakit-api", templates.InstallOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Created_function_is_renamed_builds_without_warnings_passes_its_tests_and_answers_through_the_runtime_api()
    {
        await templates.NewAsync("lambdakit", "-n", "Acme.Greeter", "-o", "greeter");
        var solution = new GeneratedSolution(Path.Combine(templates.Work, "greeter"), templates.Configuration);

        // -n renames the solution, the projects, their folders and namespaces; the packages are this run's by default.
        Assert.True(solution.Exists("Acme.Greeter.sln"));
        Assert.True(solution.Exists("src/Acme.Greeter/Acme.Greeter.csproj"));
        Assert.True(solution.Exists("test/Acme.Greeter.Tests/Acme.Greeter.Tests.csproj"));
        Assert.Contains("namespace Acme.Greeter;", solution.Read("src/Acme.Greeter/GreetingHandler.cs"), StringComparison.Ordinal);
        Assert.Contains("namespace Acme.Greeter.Tests;", solution.Read("test/Acme.Greeter.Tests/FunctionTests.cs"), StringComparison.Ordinal);
        Assert.Empty(solution.FilesContaining("LambdaKitFunction"));
        Assert.Empty(solution.FilesContaining("LAMBDAKIT_PACKAGE_VERSION"));
        Assert.Empty(solution.FilesContaining("LAMBDAKIT_FUNCTION_NAME"));
        Assert.Contains($"""<PackageReference Include="LambdaKit" Version="{templates.Version}" />""", solution.Read("src/Acme.Greeter/Acme.Greeter.csproj"), StringComparison.Ordinal);
        Assert.Contains($"""<PackageReference Include="LambdaKit.Testing" Version="{templates.Version}" />""", solution.Read("test/Acme.Greeter.Tests/Acme.Greeter.Tests.csproj"), StringComparison.Ordinal);
        var defaults = JsonNode.Parse(solution.Read("src/Acme.Greeter/aws-lambda-tools-defaults.json"))!;
        Assert.Equal("Acme-Greeter", (string?)defaults["function-name"]);
        Assert.Equal("-p:PublishAot=true", (string?)defaults["msbuild-parameters"]);

        await solution.BuildAsync();
        Assert.Equal(4, await solution.TestAsync());
        Assert.False(solution.RuntimeSwitch("Acme.Greeter", "LambdaKit.Serialization.EventTypeLookup.IsEnabled"));

        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { FunctionName = "Acme-Greeter" });
        await using var function = FunctionProcess.Start(solution.Bootstrap("Acme.Greeter"), api);
        var answer = await api.InvokeAsync("""{"name":"Ada"}""").WaitAsync(Patience);

        Assert.True(answer.Outcome == InvocationOutcome.Response, $"{answer.Outcome}: {answer.BodyText}{Environment.NewLine}{function}");
        using var body = answer.ParseBody();
        Assert.Equal("hello Ada", body.RootElement.GetProperty("message").GetString());
        Assert.Equal(answer.RequestId, body.RootElement.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task LambdaKitVersion_option_chooses_the_version_of_the_referenced_packages()
    {
        await templates.NewAsync("lambdakit", "-n", "Pinned", "-o", "pinned", "--LambdaKitVersion", "9.8.7", "--skipRestore");
        var solution = new GeneratedSolution(Path.Combine(templates.Work, "pinned"), templates.Configuration);

        var function = solution.Read("src/Pinned/Pinned.csproj");
        Assert.Contains("""<PackageReference Include="LambdaKit" Version="9.8.7" />""", function, StringComparison.Ordinal);
        Assert.Contains("""<PackageReference Include="LambdaKit.Testing" Version="9.8.7" />""", function, StringComparison.Ordinal);
        Assert.Contains("""<PackageReference Include="LambdaKit.Testing" Version="9.8.7" />""", solution.Read("test/Pinned.Tests/Pinned.Tests.csproj"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(solution.Root, "src", "Pinned", "obj")), "--skipRestore restored anyway.");
    }
}
