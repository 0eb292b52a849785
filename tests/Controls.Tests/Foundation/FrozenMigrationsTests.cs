using System.Text.RegularExpressions;

namespace Controls.Tests.Foundation;

/// <summary>
/// A released migration never changes: it names no code outside Data/Migrations but the contexts it
/// belongs to (no feature, domain, infrastructure or job class, no constant of theirs), so its SQL is
/// the text it was released with. (The hand-written 20261121040000_InspectionScores ran the feature's
/// RecomputeAllSql; it is retired, but that is the mistake this test stops coming back.)
/// </summary>
public partial class FrozenMigrationsTests
{
    private static string MigrationsFolder => Path.Combine(Catalog.CatalogFiles.RepoRoot, "src", "Controls.Web", "Data", "Migrations");

    private static List<string> Files() =>
        [.. Directory.EnumerateFiles(MigrationsFolder, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(MigrationsFolder, f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Migrations()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Migrations))]
    public void A_migration_names_no_code_outside_the_migrations_but_its_context(string file) =>
        Assert.Empty(OutsideReferences(File.ReadAllText(Path.Combine(MigrationsFolder, file))));

    [Fact]
    public void Both_providers_have_migrations_to_check()
    {
        Assert.Contains(Files(), f => f.StartsWith("Sqlite", StringComparison.Ordinal));
        Assert.Contains(Files(), f => f.StartsWith("PostgreSql", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("migrationBuilder.Sql(Features.Reports.InspectionScores.RecomputeAllSql);")]
    [InlineData("migrationBuilder.Sql(Controls.Web.Features.Reports.InspectionScores.RecomputeAllSql);")]
    [InlineData("using Controls.Web.Features.Reports;")]
    [InlineData("using static Controls.Web.Features.Reports.InspectionScores;")]
    [InlineData("migrationBuilder.InsertData(\"roles\", \"name\", Domain.Roles.Auditor);")]
    [InlineData("var rows = Infrastructure.Setup.Something();")]
    [InlineData("Jobs.JobNames.All")]
    [InlineData("migrationBuilder.Sql(InspectionScores.RecomputeAllSql);")]
    [InlineData("migrationBuilder.Sql(Data.InspectionScores.RecomputeAllSql);")]
    [InlineData("await InspectionScores.RecomputeAllAsync(db);")]
    public void The_check_catches_a_migration_that_calls_feature_or_other_code(string line) =>
        Assert.NotEmpty(OutsideReferences(line));

    [Theory]
    [InlineData("using Controls.Web.Data;\n[DbContext(typeof(SqliteContext))]")]
    [InlineData("b.Entity(\"Controls.Web.Domain.Answer\", b => { });")]
    [InlineData("// see Features.Reports.InspectionScores\nmigrationBuilder.Sql(\"SELECT 1\");")]
    [InlineData("migrationBuilder.Sql(\"\"\"\n  -- Features.Reports wrote this once\n  SELECT 1;\n  \"\"\");")]
    public void Strings_comments_and_the_context_are_allowed(string text) =>
        Assert.Empty(OutsideReferences(text));

    /// <summary>
    /// The places in C# source (comments and string literals left out) that name application code:
    /// anything outside Controls.Web.Data, and in Data any class but the contexts (a migration sits in
    /// Data's namespace, so it could call e.g. InspectionScores without naming the namespace).
    /// </summary>
    public static IReadOnlyList<string> OutsideReferences(string source)
    {
        var code = CommentsAndStrings().Replace(source, " ");
        return [.. OutsideName().Matches(code).Select(m => m.Value),
            .. Identifier().Matches(code).Select(m => m.Value).Where(DataClassesButTheContexts.Value.Contains)];
    }

    /// <summary>The types declared in Data outside its migrations, but the contexts the migrations belong to.</summary>
    private static readonly Lazy<HashSet<string>> DataClassesButTheContexts = new(() =>
    {
        var data = Path.GetDirectoryName(MigrationsFolder)!;
        var names = Directory.EnumerateFiles(data, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(MigrationsFolder, StringComparison.Ordinal))
            .SelectMany(f => TypeDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        names.ExceptWith(["SqliteContext", "PostgreSqlContext"]);
        return names;
    });

    [Fact]
    public void The_data_classes_are_found() =>
        Assert.Contains("InspectionScores", DataClassesButTheContexts.Value);

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\b\w+\b")]
    private static partial Regex Identifier();

    // Raw strings ("""…"""), verbatim strings, ordinary strings and characters, line and block comments.
    [GeneratedRegex(@"""{3,}[\s\S]*?""{3,}|@""(?:[^""]|"""")*""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])+'|//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex CommentsAndStrings();

    // Controls.Web.<anything but Data>, or a name relative to Controls.Web (Features., Domain., Infrastructure., Jobs.).
    [GeneratedRegex(@"\bControls\s*\.\s*Web\s*\.\s*(?!Data\b)\w+|(?<![\w.])(?:Features|Domain|Infrastructure|Jobs)\s*\.\s*\w+")]
    private static partial Regex OutsideName();
}
