using Controls.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Catalog;

/// <summary>
/// In-app editing of a custom catalog. Every save is a change to the current version's document
/// that goes through the same validation as a file (it is written as YAML and parsed back) and
/// is imported as the next version, so history is never rewritten and the rules never differ.
/// Built-in catalogs are read-only here: they change only through files.
/// </summary>
public sealed class EditCatalog(AppDbContext db, ImportCatalogs import)
{
    public sealed record Draft(CatalogDocument Document, int Number, bool IsBuiltIn);

    public sealed record Saved(IReadOnlyList<CatalogProblem> Problems, int Number, bool Conflict = false)
    {
        public bool Succeeded => Problems.Count == 0 && !Conflict;
    }

    public async Task<Draft?> LoadAsync(string key, CancellationToken cancellationToken = default)
    {
        var latest = await CatalogVersions.LatestAsync(db, key, cancellationToken);
        return latest is null ? null : new Draft(CatalogVersions.ToDocument(latest), latest.Number, latest.Catalog.IsBuiltIn);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the version the editor was looking at (<paramref name="baseNumber"/>).
    /// If someone saved a newer version meanwhile, nothing is saved and the caller is told.
    /// </summary>
    public async Task<Saved> SaveAsync(string key, int baseNumber, Func<CatalogDocument, CatalogDocument> change, CancellationToken cancellationToken = default)
    {
        var draft = await LoadAsync(key, cancellationToken);
        if (draft is null || draft.IsBuiltIn)
        {
            return new Saved([new CatalogProblem(key + ".yaml", 1, 1, "built-in-catalog", "not an editable catalog")], 0);
        }

        if (draft.Number != baseNumber)
        {
            return new Saved([], draft.Number, Conflict: true);
        }

        var document = change(draft.Document) with { Version = NextLabel(draft.Document.Version) };
        var yaml = CatalogYamlWriter.Write(document);
        var parsed = CatalogParser.Parse(key + ".yaml", System.Text.Encoding.UTF8.GetBytes(yaml));
        if (parsed.Document is null)
        {
            return new Saved(parsed.Problems, draft.Number);
        }

        var result = await import.ImportAsync([(key + ".yaml", parsed)], builtIn: false, cancellationToken);
        return result.Succeeded
            ? new Saved([], result.Catalogs[0].VersionNumber)
            : new Saved(result.Problems, draft.Number);
    }

    /// <summary>"3" → "4", "2026.1" → "2026.2"; other labels get "-edit".</summary>
    internal static string NextLabel(string label)
    {
        var dot = label.LastIndexOf('.');
        var head = dot < 0 ? "" : label[..(dot + 1)];
        var tail = dot < 0 ? label : label[(dot + 1)..];
        return int.TryParse(tail, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? head + (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : label + "-edit";
    }

    public static CatalogDocument ReplaceMeasure(CatalogDocument document, string? code, CatalogMeasure measure)
    {
        var list = document.Measures.ToList();
        var index = code is null ? -1 : list.FindIndex(m => m.Id == code);
        if (index < 0)
        {
            list.Add(measure);
        }
        else
        {
            list[index] = measure;
        }

        return document with { Measures = list };
    }

    public static CatalogDocument RemoveMeasure(CatalogDocument document, string code) =>
        document with { Measures = document.Measures.Where(m => m.Id != code).ToList() };

    public static CatalogDocument MoveMeasure(CatalogDocument document, string code, int by) =>
        document with { Measures = Move(document.Measures, m => m.Id == code, by) };

    public static CatalogDocument ChangeItems(CatalogDocument document, string measureCode, Func<IReadOnlyList<CatalogCheckItem>, IReadOnlyList<CatalogCheckItem>> change) =>
        document with { Measures = document.Measures.Select(m => m.Id == measureCode ? m with { Items = change(m.Items) } : m).ToList() };

    public static IReadOnlyList<CatalogCheckItem> ReplaceItem(IReadOnlyList<CatalogCheckItem> items, string? code, CatalogCheckItem item)
    {
        var list = items.ToList();
        var index = code is null ? -1 : list.FindIndex(i => i.Id == code);
        if (index < 0)
        {
            list.Add(item);
        }
        else
        {
            list[index] = item;
        }

        return list;
    }

    /// <summary>The next free item id under a measure: ORG-3.5 after ORG-3.4 (ids are never reused, even after retiring).</summary>
    public static async Task<string> NextItemCodeAsync(AppDbContext db, string key, string measureCode, CancellationToken cancellationToken = default)
    {
        var used = await db.CheckItems.Where(i => i.Measure.CatalogVersion.Catalog.Key == key && i.Measure.Code == measureCode)
            .Select(i => i.Code).Distinct().ToListAsync(cancellationToken);
        var max = used.Select(c => int.TryParse(c[(c.LastIndexOf('.') + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return $"{measureCode}.{max + 1}";
    }

    public static IReadOnlyList<T> Move<T>(IReadOnlyList<T> items, Func<T, bool> which, int by)
    {
        var list = items.ToList();
        var from = list.FindIndex(x => which(x));
        var to = from + by;
        if (from < 0 || to < 0 || to >= list.Count)
        {
            return list;
        }

        (list[from], list[to]) = (list[to], list[from]);
        return list;
    }
}
