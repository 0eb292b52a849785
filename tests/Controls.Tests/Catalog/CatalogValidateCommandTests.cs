using Controls.Web.App;
using Controls.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Controls.Tests.Catalog.CatalogFiles;

namespace Controls.Tests.Catalog;

public class CatalogValidateCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("controls-catalog-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Valid_files_print_a_summary_and_exit_0()
    {
        var (exitCode, output, error) = await Run("catalog", "validate", BuiltIn("appi-security-measures.yaml"), BuiltIn("appi-contractor-supervision.yaml"));

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Equal(
            $"OK: {BuiltIn("appi-security-measures.yaml")} (17 measures, 93 check items)\n" +
            $"OK: {BuiltIn("appi-contractor-supervision.yaml")} (4 measures, 23 check items)\n",
            output);
    }

    [Fact]
    public async Task Problems_go_to_standard_error_one_per_line_and_exit_1()
    {
        var broken = Path.Combine(directory, "broken.yaml");
        await File.WriteAllTextAsync(broken, Valid.Replace("category: physical", "category: policy", StringComparison.Ordinal).Replace("recurrence: monthly", "recurrence: yearly", StringComparison.Ordinal));
        var missing = Path.Combine(directory, "missing.yaml");

        var (exitCode, output, error) = await Run("catalog", "validate", broken, missing, BuiltIn("appi-contractor-supervision.yaml"));

        Assert.Equal(1, exitCode);
        Assert.Equal($"OK: {BuiltIn("appi-contractor-supervision.yaml")} (4 measures, 23 check items)\n", output);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{broken}:14:15: 'policy' is not a valid category", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{broken}:21:17: 'yearly' is not a valid recurrence", lines[1], StringComparison.Ordinal);
        Assert.Equal($"{missing}:1:1: file not found", lines[2]);
    }

    [Fact]
    public async Task No_file_is_a_usage_error()
    {
        var (exitCode, _, error) = await Run("catalog", "validate");

        Assert.Equal(2, exitCode);
        Assert.Contains("catalog validate FILE...", error, StringComparison.Ordinal);
    }

    /// <summary>Runs the command with no database registered at all: validation must not need one.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        Assert.True(CommandLine.IsCommand(args));
        var services = new ServiceCollection().AddHttpContextAccessor().AddScoped<CurrentActor>().BuildServiceProvider();
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };

        var exitCode = await CommandLine.RunAsync(services, args, TextReader.Null, output, error);

        return (exitCode, output.ToString(), error.ToString());
    }
}
