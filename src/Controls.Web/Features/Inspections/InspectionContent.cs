using Controls.Web.Data;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.Web.Features.Inspections;

/// <summary>
/// An inspection as the answer and review pages show it: its header, the measures and check items
/// in scope (in catalog order), the answers, improvement actions, evidence and history. A handful
/// of queries whatever the catalog's size.
/// </summary>
public sealed class InspectionContent(AppDbContext db)
{
    public sealed record Sheet(
        HeaderView Header,
        IReadOnlyList<MeasureView> Measures,
        IReadOnlyDictionary<Guid, AnswerView> Answers,
        IReadOnlyDictionary<Guid, ActionView> Actions,
        IReadOnlyDictionary<Guid, List<EvidenceView>> Evidence,
        IReadOnlyList<EventView> Events)
    {
        public IEnumerable<ItemView> Items => Measures.SelectMany(m => m.Items);
        public int Total => Measures.Sum(m => m.Items.Count);
        public int Answered => Items.Count(i => Answers.TryGetValue(i.Id, out var a) && a.Value is not null);

        /// <summary>The overall comment of the latest return, shown while the inspection is returned.</summary>
        public string? ReturnComment =>
            Header.Status == InspectionStatus.Returned ? Events.LastOrDefault(e => e.Kind == InspectionEventKind.Returned)?.Comment : null;
    }

    public sealed record HeaderView(
        Guid Id, Guid DepartmentId, string DepartmentJa, string DepartmentEn, string? Contractor,
        Guid CatalogVersionId, string CatalogJa, string CatalogEn, int VersionNumber, string VersionLabel,
        List<string> MeasureCodes, bool Simplified, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, InspectionStatus Status,
        DateTimeOffset? SubmittedAt, string? SubmittedBy, DateTimeOffset? ReviewedAt, string? ReviewedBy, uint Version)
    {
        public bool IsOpen => Status is InspectionStatus.NotStarted or InspectionStatus.InProgress or InspectionStatus.Returned;

        public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;
    }

    public sealed record MeasureView(string Code, string TitleJa, string TitleEn, string DescriptionJa, string DescriptionEn, List<ItemView> Items)
    {
        /// <summary>The kind of measure (organisational, human, physical, technical…; resource "Category.{category}").</summary>
        public string Category { get; init; } = "";
    }

    public sealed record ItemView(
        Guid Id, string Code, string QuestionJa, string QuestionEn, string GuidanceJa, string GuidanceEn, string EvidenceJa, string EvidenceEn);

    public sealed record AnswerView(
        Guid Id, Guid CheckItemId, AnswerValue? Value, string Comment, string ReviewComment, DateTimeOffset? AnsweredAt, string? AnsweredBy, uint Version);

    public sealed record ActionView(
        Guid Id, Guid CheckItemId, string Action, Guid OwnerId, string Owner, DateOnly DueOn, CorrectiveActionStatus Status, uint Version);

    public sealed record EvidenceView(Guid Id, Guid CheckItemId, string FileName, long Size, DateTimeOffset UploadedAt, string UploadedBy);

    public sealed record EventView(InspectionEventKind Kind, DateTimeOffset At, string Who, string Comment);

    /// <summary>
    /// The check items an inspection covers: its version's items, only those of <paramref name="measureCodes"/> when given,
    /// and in the simplified variant only the small-business items.
    /// </summary>
    public static IQueryable<CheckItem> ItemsInScope(AppDbContext db, Guid catalogVersionId, IReadOnlyCollection<string> measureCodes, bool simplified)
    {
        var items = db.CheckItems.Where(c => c.Measure.CatalogVersionId == catalogVersionId && (!simplified || c.SmallBusiness));
        return measureCodes.Count == 0 ? items : items.Where(c => measureCodes.Contains(c.Measure.Code));
    }

    /// <summary>An inspection with its progress: the check items answered and the check items in its scope.</summary>
    public sealed class Progressed
    {
        public Inspection Inspection { get; init; } = null!;

        public int Answered { get; init; }

        public int Total { get; init; }
    }

    /// <summary>
    /// The inspections with their progress, for a query to project further (the list, its export,
    /// the answer page): the one place the items in scope are counted, by the rule of <see cref="ItemsInScope"/>.
    /// </summary>
    public static IQueryable<Progressed> WithProgress(IQueryable<Inspection> inspections, AppDbContext db) =>
        inspections.Select(i => new Progressed
        {
            Inspection = i,
            Answered = i.Answers.Count(a => a.Value != null),
            Total = db.CheckItems.Count(c => c.Measure.CatalogVersionId == i.CatalogVersionId && (i.MeasureCodes.Count == 0 || i.MeasureCodes.Contains(c.Measure.Code)) && (!i.Simplified || c.SmallBusiness)),
        });

    /// <summary>The inspection with everything shown on its pages, or null if it is not among <paramref name="visible"/>.</summary>
    public async Task<Sheet?> LoadAsync(IQueryable<Inspection> visible, Guid id, CancellationToken cancellationToken = default)
    {
        var header = await visible.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new HeaderView(
                i.Id, i.DepartmentId, i.Department.NameJa, i.Department.NameEn, i.Contractor == null ? null : i.Contractor.Name,
                i.CatalogVersionId, i.CatalogVersion.TitleJa, i.CatalogVersion.TitleEn, i.CatalogVersion.Number, i.CatalogVersion.Label,
                i.MeasureCodes, i.Simplified, i.PeriodStart, i.PeriodEnd, i.DueOn, i.Status,
                i.SubmittedAt, db.Users.Where(u => u.Id == i.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
                i.ReviewedAt, db.Users.Where(u => u.Id == i.ReviewedById).Select(u => u.DisplayName).FirstOrDefault(),
                i.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var measureQuery = db.Measures.AsNoTracking().Where(m => m.CatalogVersionId == header.CatalogVersionId);
        if (header.MeasureCodes.Count > 0)
        {
            measureQuery = measureQuery.Where(m => header.MeasureCodes.Contains(m.Code));
        }

        if (header.Simplified)
        {
            measureQuery = measureQuery.Where(m => m.Items.Any(c => c.SmallBusiness));
        }

        var simplified = header.Simplified;
        var measures = await measureQuery.OrderBy(m => m.SortOrder)
            .Select(m => new MeasureView(m.Code, m.TitleJa, m.TitleEn, m.DescriptionJa, m.DescriptionEn,
                m.Items.Where(c => !simplified || c.SmallBusiness).OrderBy(c => c.SortOrder)
                    .Select(c => new ItemView(c.Id, c.Code, c.QuestionJa, c.QuestionEn, c.GuidanceJa, c.GuidanceEn, c.EvidenceJa, c.EvidenceEn))
                    .ToList())
            { Category = m.Category })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var answers = await db.Answers.AsNoTracking().Where(a => a.InspectionId == id)
            .Select(a => new AnswerView(a.Id, a.CheckItemId, a.Value, a.Comment, a.ReviewComment, a.AnsweredAt,
                db.Users.Where(u => u.Id == a.AnsweredById).Select(u => u.DisplayName).FirstOrDefault(), a.Version))
            .ToDictionaryAsync(a => a.CheckItemId, cancellationToken);

        var actions = await db.CorrectiveActions.AsNoTracking()
            .Where(a => a.Source == CorrectiveActionSource.Inspection && a.InspectionId == id && a.CheckItemId != null)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new ActionView(a.Id, a.CheckItemId!.Value, a.Action, a.OwnerId, a.Owner.DisplayName, a.DueOn, a.Status, a.Version))
            .ToListAsync(cancellationToken);

        var evidence = await db.Evidence.AsNoTracking().Where(e => e.Answer!.InspectionId == id)
            .OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceView(e.Id, e.Answer!.CheckItemId, e.FileName, e.Size, e.UploadedAt,
                db.Users.Where(u => u.Id == e.UploadedById).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToListAsync(cancellationToken);

        var events = await EventsAsync(id, cancellationToken);

        return new Sheet(header, measures, answers,
            actions.GroupBy(a => a.CheckItemId).ToDictionary(g => g.Key, g => g.First()),
            evidence.GroupBy(e => e.CheckItemId).ToDictionary(g => g.Key, g => g.ToList()),
            events);
    }

    /// <summary>The inspection's history, oldest first: who did what, when.</summary>
    public Task<List<EventView>> EventsAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.InspectionEvents.AsNoTracking().Where(e => e.InspectionId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventView(e.Kind, e.At,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? e.Actor, e.Comment))
            .ToListAsync(cancellationToken);
}
