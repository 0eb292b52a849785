using System.Security.Cryptography;
using System.Text;
using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Catalog;

/// <summary>Reads stored catalog versions back as documents (for download, preview and comparison).</summary>
public static class CatalogVersions
{
    /// <summary>SHA-256 of the canonical YAML: formatting and comments do not make a new version.</summary>
    public static string Hash(CatalogDocument document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(CatalogYamlWriter.Write(document)))).ToLowerInvariant();

    public static Task<CatalogVersion?> LatestAsync(AppDbContext db, string catalogKey, CancellationToken cancellationToken = default) =>
        db.CatalogVersions.AsNoTracking()
            .Where(v => v.Catalog.Key == catalogKey)
            .OrderByDescending(v => v.Number)
            .Include(v => v.Catalog)
            .Include(v => v.Measures.OrderBy(m => m.SortOrder)).ThenInclude(m => m.Items.OrderBy(i => i.SortOrder))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    public static Task<CatalogVersion?> FindAsync(AppDbContext db, Guid versionId, CancellationToken cancellationToken = default) =>
        db.CatalogVersions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Include(v => v.Catalog)
            .Include(v => v.Measures.OrderBy(m => m.SortOrder)).ThenInclude(m => m.Items.OrderBy(i => i.SortOrder))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A stored version (loaded with its catalog, measures and items) as the document it was imported from.</summary>
    public static CatalogDocument ToDocument(CatalogVersion version) => new(
        version.Catalog.Key,
        version.Label,
        version.Guideline,
        version.Catalog.Target,
        new LocalizedText(version.TitleJa, version.TitleEn),
        new LocalizedText(version.DescriptionJa, version.DescriptionEn),
        version.Measures.OrderBy(m => m.SortOrder).Select(m => new CatalogMeasure(
            m.Code,
            m.Category,
            new LocalizedText(m.TitleJa, m.TitleEn),
            new LocalizedText(m.DescriptionJa, m.DescriptionEn),
            m.Recurrence,
            m.Iso27001,
            new LocalizedText(m.StatementJa, m.StatementEn),
            m.Items.OrderBy(i => i.SortOrder).Select(i => new CatalogCheckItem(
                i.Code,
                new LocalizedText(i.QuestionJa, i.QuestionEn),
                new LocalizedText(i.GuidanceJa, i.GuidanceEn),
                new LocalizedText(i.EvidenceJa, i.EvidenceEn),
                i.SmallBusiness,
                i.Clause)).ToList(),
            m.Appi.Count == 0 ? null : m.Appi)).ToList());

    /// <summary>A new version's rows from a document.</summary>
    public static CatalogVersion FromDocument(Domain.Catalog catalog, int number, CatalogDocument document, string hash, DateTimeOffset at, string by) => new()
    {
        Id = Guid.NewGuid(),
        Catalog = catalog,
        Number = number,
        Label = document.Version,
        Guideline = document.Guideline,
        TitleJa = document.Title.Ja,
        TitleEn = document.Title.En,
        DescriptionJa = document.Description.Ja,
        DescriptionEn = document.Description.En,
        ContentHash = hash,
        ImportedAt = at,
        ImportedBy = by,
        Measures = document.Measures.Select((m, order) => new Measure
        {
            Id = Guid.NewGuid(),
            Code = m.Id,
            Category = m.Category,
            TitleJa = m.Title.Ja,
            TitleEn = m.Title.En,
            DescriptionJa = m.Description.Ja,
            DescriptionEn = m.Description.En,
            Recurrence = m.Recurrence,
            Iso27001 = [.. m.Iso27001],
            Appi = [.. m.AppiMeasures],
            StatementJa = m.Statement.Ja,
            StatementEn = m.Statement.En,
            SortOrder = order,
            Items = m.Items.Select((i, itemOrder) => new CheckItem
            {
                Id = Guid.NewGuid(),
                Code = i.Id,
                QuestionJa = i.Question.Ja,
                QuestionEn = i.Question.En,
                GuidanceJa = i.Guidance.Ja,
                GuidanceEn = i.Guidance.En,
                EvidenceJa = i.Evidence.Ja,
                EvidenceEn = i.Evidence.En,
                SmallBusiness = i.SmallBusiness,
                Clause = i.Clause,
                SortOrder = itemOrder,
            }).ToList(),
        }).ToList(),
    };
}
