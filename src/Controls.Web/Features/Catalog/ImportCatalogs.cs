using Controls.Web.Data;
using Controls.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// Validates catalog files, then imports them all in one transaction (all or nothing). An
/// unchanged file changes nothing; a changed one becomes a new version; earlier versions are
/// never touched, so records made from them keep their text. A measure left out is retired.
/// </summary>
public sealed class ImportCatalogs(AppDbContext db, CurrentActor actor, TimeProvider time)
{
    public enum Outcome
    {
        Created,
        NewVersion,
        Unchanged,
    }

    public sealed record Imported(string File, string CatalogKey, Outcome Outcome, int VersionNumber, CatalogChanges Changes, int Measures, int Items);

    public sealed record Result(IReadOnlyList<CatalogProblem> Problems, IReadOnlyList<Imported> Catalogs)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    /// <summary>Serialises imports across app nodes (a transaction-scoped advisory lock).</summary>
    private const long ImportLock = 727_101;

    public Task<Result> FromFilesAsync(IEnumerable<string> paths, bool builtIn, CancellationToken cancellationToken = default) =>
        ImportAsync(paths.Select(p => (p, CatalogFile.Read(p))).ToList(), builtIn, cancellationToken);

    public async Task<Result> ImportAsync(IReadOnlyList<(string File, CatalogParseResult Parsed)> files, bool builtIn, CancellationToken cancellationToken = default)
    {
        var problems = files.SelectMany(f => f.Parsed.Problems).ToList();
        var documents = files.Where(f => f.Parsed.Document is not null).Select(f => (f.File, Document: f.Parsed.Document!)).ToList();
        foreach (var duplicate in documents.GroupBy(d => d.Document.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new CatalogProblem(duplicate.Last().File, 1, 1, "duplicate-catalog",
                $"catalog id '{duplicate.Key}' is also in {duplicate.First().File}; import each catalog once"));
        }

        if (problems.Count > 0)
        {
            return new Result(problems, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!db.IsSqlite)
        {
            // Two imports at once (two nodes starting) wait for each other; on SQLite the
            // transaction already holds the database's write lock.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLock})", cancellationToken);
        }

        var now = time.GetUtcNow();
        var imported = new List<Imported>();
        foreach (var (file, document) in documents)
        {
            var catalog = await db.Catalogs.SingleOrDefaultAsync(c => c.Key == document.Id, cancellationToken);
            if (catalog is not null && catalog.IsBuiltIn != builtIn)
            {
                problems.Add(new CatalogProblem(file, 1, 1, "built-in-catalog", catalog.IsBuiltIn
                    ? $"catalog '{document.Id}' is built in: it changes only through the files in checklists/"
                    : $"catalog '{document.Id}' is a custom catalog of this organisation, not a built-in one"));
                continue;
            }

            if (catalog is not null && catalog.Target != document.Target)
            {
                problems.Add(new CatalogProblem(file, 1, 1, "target-changed",
                    $"catalog '{document.Id}' is answered by {catalog.Target}; a new version cannot change that to {document.Target}"));
                continue;
            }

            var latest = await CatalogVersions.LatestAsync(db, document.Id, cancellationToken);
            var previous = latest is null ? null : CatalogVersions.ToDocument(latest);
            var hash = CatalogVersions.Hash(document);
            var changes = CatalogChanges.Compare(previous, document);
            var measures = document.Measures.Count;
            var items = document.Measures.Sum(m => m.Items.Count);
            if (latest is not null && latest.ContentHash == hash)
            {
                imported.Add(new Imported(file, document.Id, Outcome.Unchanged, latest.Number, changes, measures, items));
                continue;
            }

            catalog ??= db.Catalogs.Add(new Domain.Catalog
            {
                Id = Guid.NewGuid(),
                Key = document.Id,
                Target = document.Target,
                IsBuiltIn = builtIn,
                CreatedAt = now,
            }).Entity;
            var number = (latest?.Number ?? 0) + 1;
            db.CatalogVersions.Add(CatalogVersions.FromDocument(catalog, number, document, hash, now, actor.Name));
            imported.Add(new Imported(file, document.Id, latest is null ? Outcome.Created : Outcome.NewVersion, number, changes, measures, items));
        }

        if (problems.Count > 0)
        {
            return new Result(problems, []);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result([], imported);
    }

    /// <summary>What importing this document would do, without importing it.</summary>
    public async Task<(Outcome Outcome, CatalogChanges Changes, int CurrentVersion)> PreviewAsync(CatalogDocument document, CancellationToken cancellationToken = default)
    {
        var latest = await CatalogVersions.LatestAsync(db, document.Id, cancellationToken);
        if (latest is null)
        {
            return (Outcome.Created, CatalogChanges.Compare(null, document), 0);
        }

        var outcome = latest.ContentHash == CatalogVersions.Hash(document) ? Outcome.Unchanged : Outcome.NewVersion;
        return (outcome, CatalogChanges.Compare(CatalogVersions.ToDocument(latest), document), latest.Number);
    }
}
