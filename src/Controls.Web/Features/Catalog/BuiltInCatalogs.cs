using Controls.Web.Infrastructure;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// The built-in catalogs (checklists/*.yaml of the repository) ship with the app, beside
/// Controls.Web.dll, so every install path has them: <c>db migrate</c> (docker's one-shot
/// container) and a SQLite app's start import them after migrating. Importing is idempotent:
/// unchanged files change nothing, a changed file (a new release) becomes a new version.
/// </summary>
public static class BuiltInCatalogs
{
    /// <summary>Turns the import on start off (the tests' apps bring their own catalogs).</summary>
    public const string ImportOnStartKey = "Catalogs:ImportBuiltInOnStart";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "checklists");

    public static IReadOnlyList<string> Files(string? folder = null)
    {
        folder ??= Folder;
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Imports the shipped catalogs as the system; the result says what changed or what is wrong.</summary>
    public static async Task<ImportCatalogs.Result> ImportAsync(IServiceProvider services, string? folder = null, CancellationToken cancellationToken = default)
    {
        services.GetRequiredService<CurrentActor>().ActAs(null, "system");
        return await services.GetRequiredService<ImportCatalogs>().FromFilesAsync(Files(folder), builtIn: true, cancellationToken);
    }

    /// <summary>One line per catalog that was created or got a new version.</summary>
    public static IEnumerable<string> Describe(ImportCatalogs.Result result) =>
        result.Catalogs.Where(c => c.Outcome != ImportCatalogs.Outcome.Unchanged)
            .Select(c => $"built-in catalog {c.CatalogKey}: {(c.Outcome == ImportCatalogs.Outcome.Created ? "imported" : "new version")} {c.VersionNumber} ({c.Measures} measures, {c.Items} items)");
}
