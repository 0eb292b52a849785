using Controls.Web.Data;
using Controls.Web.Domain;

namespace Controls.Web.Features.Reports;

/// <summary>
/// What a report covers: a period, optionally one division (a top-level department and the
/// departments under it), one department and one catalog. <see cref="OnlyDepartments"/> are the
/// departments a department head is confined to (theirs and those below, DepartmentScope), whatever the other filters say.
/// </summary>
public sealed record ReportFilter(ReportPeriod Period, Guid? DivisionId = null, Guid? DepartmentId = null, Guid? CatalogId = null, IReadOnlyCollection<Guid>? OnlyDepartments = null)
{
    /// <summary>The departments in scope that are not retired (the rows of the heatmap and the tables).</summary>
    public IQueryable<Department> Departments(AppDbContext db) => Selected(db).Where(d => d.RetiredAt == null);

    /// <summary>The departments the filters select, retired ones included (their records still count).</summary>
    private IQueryable<Department> Selected(AppDbContext db)
    {
        var query = db.Departments.AsQueryable();
        if (OnlyDepartments is { } only)
        {
            query = query.Where(d => only.Contains(d.Id));
        }

        if (DivisionId is { } division)
        {
            query = query.Where(d => d.Id == division || d.ParentId == division);
        }

        if (DepartmentId is { } department)
        {
            query = query.Where(d => d.Id == department);
        }

        return query;
    }

    /// <summary>
    /// Inspections of the departments in scope (any period, any catalog unless filtered). The
    /// department predicates are written out here rather than through <see cref="Selected"/>: this is
    /// the dashboard's hot path over a million answers, and direct predicates keep its plans simple.
    /// </summary>
    public IQueryable<Inspection> Inspections(AppDbContext db)
    {
        var query = db.Inspections.AsQueryable();
        if (OnlyDepartments is { } only)
        {
            query = query.Where(i => only.Contains(i.DepartmentId));
        }

        if (DivisionId is { } division)
        {
            query = query.Where(i => i.DepartmentId == division || i.Department.ParentId == division);
        }

        if (DepartmentId is { } department)
        {
            query = query.Where(i => i.DepartmentId == department);
        }

        if (CatalogId is { } catalog)
        {
            query = query.Where(i => i.CatalogVersion.CatalogId == catalog);
        }

        return query;
    }

    public IQueryable<Inspection> InspectionsIn(AppDbContext db, ReportPeriod period) =>
        Inspections(db).Where(i => i.PeriodStart >= period.Start && i.PeriodStart <= period.End);

    public IQueryable<CorrectiveAction> Actions(AppDbContext db)
    {
        var departments = DepartmentIds(db);
        return Narrowed ? db.CorrectiveActions.Where(a => departments.Contains(a.DepartmentId)) : db.CorrectiveActions;
    }

    public IQueryable<Contractor> Contractors(AppDbContext db, bool includeTerminated = false)
    {
        var query = includeTerminated ? db.Contractors.AsQueryable() : db.Contractors.Where(c => c.Status != ContractorStatus.Terminated);
        var departments = DepartmentIds(db);
        return Narrowed ? query.Where(c => departments.Contains(c.OwningDepartmentId)) : query;
    }

    /// <summary>Whether the filter narrows the departments at all (else every department is in scope).</summary>
    public bool Narrowed => OnlyDepartments is not null || DivisionId is not null || DepartmentId is not null;

    /// <summary>Audit findings of the departments in scope.</summary>
    public IQueryable<Finding> Findings(AppDbContext db)
    {
        var departments = DepartmentIds(db);
        return Narrowed ? db.Findings.Where(f => departments.Contains(f.DepartmentId)) : db.Findings;
    }

    /// <summary>Findings that were open at some time in the period: raised before its end, not closed before its start.</summary>
    public IQueryable<Finding> FindingsIn(AppDbContext db, DateTimeOffset periodStart, DateTimeOffset periodEnd) =>
        Findings(db).Where(f => f.CreatedAt < periodEnd && (f.Status == FindingStatus.Open || f.ClosedAt >= periodStart));

    /// <summary>Audits whose scope touches a department in scope (audited, or owning an audited contractor).</summary>
    public IQueryable<Audit> Audits(AppDbContext db)
    {
        if (!Narrowed)
        {
            return db.Audits;
        }

        var ids = DepartmentIds(db);
        return db.Audits.Where(a => a.DepartmentIds.Any(d => ids.Contains(d))
            || db.Contractors.Any(c => a.ContractorIds.Contains(c.Id) && ids.Contains(c.OwningDepartmentId)));
    }

    /// <summary>Audits whose planned window overlaps the period.</summary>
    public IQueryable<Audit> AuditsIn(AppDbContext db, ReportPeriod period) =>
        Audits(db).Where(a => a.WindowStart <= period.End && a.WindowEnd >= period.Start);

    /// <summary>The ids of the departments in scope, retired ones included (their records still count).</summary>
    private IQueryable<Guid> DepartmentIds(AppDbContext db) => Selected(db).Select(d => d.Id);
}
