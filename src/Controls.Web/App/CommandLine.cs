using Controls.Web.Data;
using Controls.Web.Features.Catalog;
using Controls.Web.Features.Schedules;
using Controls.Web.Infrastructure;
using Controls.Web.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.App;

/// <summary>
/// The admin commands behind scripts/controls. Same binary, configuration and database as the
/// app; exit 0 on success, 1 on a failure it explains, 2 on a usage error.
/// </summary>
public static class CommandLine
{
    private static readonly HashSet<string> Verbs = ["db", "audit-trail", "users", "seed", "catalog", "inspections", "export", "help", "--help"];

    public const string Usage = """
        usage: scripts/controls <command>
          db migrate                              apply pending database migrations, then import the built-in catalogs when they changed
          audit-trail verify                      check the audit trail's hash chain; names the first altered, deleted or inserted entry (exit 1)
          users create-admin --email EMAIL [--name NAME]
                                                  create an administrator; the password is read from standard input
          seed demo --file seeds/demo-organisation.yaml --demo
                                                  create the demo organisation (public password), only on a database
                                                  without users and only when asked for explicitly: --demo or Demo__Enabled=true
          inspections generate --as-of 2027-04-01T00:00+09:00
                                                  create the inspections due at that instant (as the scheduler does)
          catalog import [--built-in] FILE...     validate, then import in one transaction (unchanged files change nothing)
          catalog validate FILE...                check checklist catalog files (docs/checklists.md); does not use the database
          seed bench --departments 500 --years 3 [--force]
                                                  generate the reporting benchmark's dataset (monthly inspections, every item answered)
          export management-review --from 2026-04-01 --to 2027-03-31 --lang ja|en --out FILE.xlsx
                                                  write the management-review workbook for inspections whose period starts in that range
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().ActAs(null, "cli");
        var options = Options(args.Skip(2).Where(a => a != "--demo"));

        switch (args)
        {
            case ["db", "migrate"]:
                await DatabaseSetup.MigrateAsync(provider.GetRequiredService<AppDbContext>());
                var catalogs = await BuiltInCatalogs.ImportAsync(provider);
                foreach (var problem in catalogs.Problems)
                {
                    await error.WriteLineAsync(problem.ToString());
                }

                if (!catalogs.Succeeded)
                {
                    await error.WriteLineAsync("error: the database is migrated, but the built-in catalogs were not imported (nothing of them changed)");
                    return 1;
                }

                foreach (var line in BuiltInCatalogs.Describe(catalogs))
                {
                    await output.WriteLineAsync(line);
                }

                await output.WriteLineAsync("Database is up to date.");
                return 0;

            case ["audit-trail", "verify"]:
                return await VerifyAuditTrailAsync(provider.GetRequiredService<Infrastructure.AuditTrail.VerifyAuditTrail>(), output, error);

            case ["users", "create-admin", ..] when options.TryGetValue("email", out var email):
                var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
                var created = await provider.GetRequiredService<CreateAdministrator>()
                    .RunAsync(email, options.GetValueOrDefault("name") ?? email, password);
                if (created.Errors.Count > 0)
                {
                    foreach (var problem in created.Errors)
                    {
                        await error.WriteLineAsync($"error: {problem}");
                    }

                    return 1;
                }

                await output.WriteLineAsync($"Created administrator {email}.");
                return 0;

            case ["seed", "demo", ..] when options.TryGetValue("file", out var file):
                // The demo accounts share a published password: never on a database that was not meant for a demo.
                if (!args.Contains("--demo") && !SeedingSetup.DemoEnabled(provider.GetRequiredService<IConfiguration>()))
                {
                    await error.WriteLineAsync("error: the demo organisation's accounts use the public password from README.md, so it is seeded only when asked for explicitly: add --demo (or set Demo__Enabled=true). scripts/run does so only for its own local database under .data/. For a real organisation use: users create-admin --email EMAIL");
                    return 1;
                }

                var seeded = await provider.GetRequiredService<DemoSeed>().RunAsync(file);
                if (seeded.Error is { } seedError)
                {
                    await error.WriteLineAsync($"error: {seedError}");
                    return 1;
                }

                await output.WriteLineAsync(seeded.Created
                    ? $"Seeded the demo organisation: {seeded.Departments} departments, {seeded.Users} users, {seeded.Inspections} inspections."
                    : "The database already has users; the demo seed was not applied.");
                return 0;

            case ["seed", "bench", ..]:
                if (!int.TryParse(options.GetValueOrDefault("departments") ?? "500", out var benchDepartments) || benchDepartments is < 1 or > 5000
                    || !int.TryParse(options.GetValueOrDefault("years") ?? "3", out var benchYears) || benchYears is < 1 or > 10)
                {
                    await error.WriteLineAsync("error: --departments must be 1 to 5000 and --years 1 to 10");
                    return 2;
                }

                var bench = await provider.GetRequiredService<BenchSeed>().RunAsync(benchDepartments, benchYears, args.Contains("--force"));
                if (bench.Error is { } benchError)
                {
                    await error.WriteLineAsync($"error: {benchError}");
                    return 1;
                }

                await output.WriteLineAsync(System.FormattableString.Invariant(
                    $"Seeded the bench dataset: {bench.Departments} departments, {bench.Inspections} inspections, {bench.Answers} answers in {bench.Elapsed.TotalSeconds:F1} s."));
                return 0;

            case ["catalog", "validate", .. var paths] when paths.Length > 0:
                return await ValidateCatalogsAsync(paths, output, error);

            case ["catalog", "import", .. var importArgs] when importArgs.Any(a => a != "--built-in"):
                return await ImportCatalogsAsync(provider.GetRequiredService<ImportCatalogs>(), importArgs, output, error);

            case ["inspections", "generate", ..] when options.TryGetValue("as-of", out var asOfText):
                if (!DateTimeOffset.TryParse(asOfText, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var asOf))
                {
                    await error.WriteLineAsync($"error: --as-of '{asOfText}' is not an instant; write it like 2027-04-01T00:00+09:00");
                    return 2;
                }

                var generated = await provider.GetRequiredService<GenerateDueInspections>().RunAsync(asOf);
                await output.WriteLineAsync($"Created {generated.Created} inspections; {generated.Existing} already existed.");
                return 0;

            case ["export", "management-review", ..]:
                return await ExportManagementReviewAsync(provider, options, output, error);

            case ["help"] or ["--help"]:
                await output.WriteLineAsync(Usage);
                return 0;

            default:
                await error.WriteLineAsync($"error: unknown or incomplete command: {string.Join(' ', args)}");
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>Exit 0 with the number of entries checked, or 1 naming the first entry altered, deleted or inserted.</summary>
    public static async Task<int> VerifyAuditTrailAsync(Infrastructure.AuditTrail.VerifyAuditTrail verify, TextWriter output, TextWriter error)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await verify.RunAsync();
        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"error: {result.Message}");
            return 1;
        }

        await output.WriteLineAsync(result.Message + System.FormattableString.Invariant($" {started.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }

    /// <summary>The management-review workbook to a file; bad dates or language exit 2 before anything is written.</summary>
    private static async Task<int> ExportManagementReviewAsync(IServiceProvider provider, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        const string Format = "yyyy-MM-dd";
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (!DateOnly.TryParseExact(options.GetValueOrDefault("from"), Format, culture, System.Globalization.DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(options.GetValueOrDefault("to"), Format, culture, System.Globalization.DateTimeStyles.None, out var to))
        {
            await error.WriteLineAsync("error: --from and --to must be dates written like 2026-04-01");
            return 2;
        }

        if (to < from)
        {
            await error.WriteLineAsync("error: --to must not be before --from");
            return 2;
        }

        var language = options.GetValueOrDefault("lang") ?? "ja";
        if (language is not ("ja" or "en"))
        {
            await error.WriteLineAsync($"error: --lang must be ja or en, not '{language}'");
            return 2;
        }

        if (options.GetValueOrDefault("out") is not { Length: > 0 } path)
        {
            await error.WriteLineAsync("error: --out FILE.xlsx is required");
            return 2;
        }

        var period = Features.Reports.ReportPeriod.Range(from, to);
        var temporary = path + ".partial";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await provider.GetRequiredService<Features.Reports.ManagementReviewWorkbook>()
                    .WriteAsync(file, new Features.Reports.ReportFilter(period), language);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException e)
        {
            File.Delete(temporary);
            await error.WriteLineAsync($"error: cannot write {path}: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            await error.WriteLineAsync($"error: cannot write {path}: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Wrote {path} (suggested name {Features.Reports.ManagementReviewWorkbook.FileName(period)}).");
        return 0;
    }

    /// <summary>Validates, then imports all files in one transaction; nothing is imported if any file has a problem.</summary>
    private static async Task<int> ImportCatalogsAsync(ImportCatalogs import, string[] args, TextWriter output, TextWriter error)
    {
        var builtIn = args.Contains("--built-in");
        var result = await import.FromFilesAsync(args.Where(a => a != "--built-in"), builtIn);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            await error.WriteLineAsync("Nothing was imported.");
            return 1;
        }

        foreach (var catalog in result.Catalogs)
        {
            var c = catalog.Changes;
            await output.WriteLineAsync(catalog.Outcome switch
            {
                ImportCatalogs.Outcome.Unchanged => $"Unchanged: {catalog.CatalogKey} (version {catalog.VersionNumber})",
                ImportCatalogs.Outcome.Created => $"Imported: {catalog.CatalogKey} as version 1 ({catalog.Measures} measures, {catalog.Items} check items)",
                _ => $"Imported: {catalog.CatalogKey} as version {catalog.VersionNumber}: measures +{c.AddedMeasures.Count} ~{c.ChangedMeasures.Count} -{c.RetiredMeasures.Count}, check items +{c.AddedItems.Count} ~{c.ChangedItems.Count} -{c.RetiredItems.Count}",
            });
        }

        return 0;
    }

    /// <summary>Problems to standard error as file:line:column: message; exit 1 if any file has one.</summary>
    private static async Task<int> ValidateCatalogsAsync(string[] paths, TextWriter output, TextWriter error)
    {
        var exitCode = 0;
        foreach (var path in paths)
        {
            var result = CatalogFile.Read(path);
            if (result.Document is { } catalog)
            {
                var items = catalog.Measures.Sum(m => m.Items.Count);
                await output.WriteLineAsync(
                    $"OK: {path} ({catalog.Measures.Count} {(catalog.Measures.Count == 1 ? "measure" : "measures")}, {items} check {(items == 1 ? "item" : "items")})");
                continue;
            }

            exitCode = 1;
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }
        }

        return exitCode;
    }

    /// <summary>--name value pairs after the verb.</summary>
    private static Dictionary<string, string> Options(IEnumerable<string> words)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = words.ToList();
        for (var i = 0; i < list.Count - 1; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                result[list[i][2..]] = list[i + 1];
                i++;
            }
        }

        return result;
    }
}
