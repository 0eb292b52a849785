using System.Globalization;
using Controls.Web.Data;
using Controls.Web.Domain;
using Controls.Web.Features.Schedules;
using Controls.Web.Infrastructure.Excel;
using Controls.Web.Infrastructure.Localization;
using Controls.Web.Infrastructure.Organisation;
using Controls.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Controls.Web.Features.Reports;

/// <summary>
/// The management-review workbook (マネジメントレビュー資料): Summary (headline figures and the
/// heatmap with the change against the previous period), Inspections, Answers, Findings, Corrective
/// actions, Audits and Contractors, in Japanese or English. Every sheet has the period and the
/// generation time in its title rows, a frozen header with an autofilter, real dates and numbers.
/// Rows are streamed from the database (no tracking, one row at a time) straight into the
/// <see cref="XlsxWriter"/>, so a fiscal year of answers never sits in memory.
/// </summary>
public sealed class ManagementReviewWorkbook(AppDbContext db, ComplianceReport report, OrganisationClock clock, IStringLocalizer<SharedResource> l)
{
    public static string FileName(ReportPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"management-review-{period.Start:yyyy-MM-dd}_{period.End:yyyy-MM-dd}.xlsx");

    /// <summary>Sends the workbook as the response's attachment, in the reader's language (the dashboard's and a review's download).</summary>
    public async Task SendAsync(HttpResponse response, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = FileName(filter.Period),
            FileName = FileName(filter.Period),
        }.ToString();
        await WriteAsync(response.Body, filter, Languages.Current, cancellationToken);
    }

    public async Task WriteAsync(Stream output, ReportFilter filter, string language, CancellationToken cancellationToken = default)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == Languages.English ? "en" : "ja");
        try
        {
            await using var book = new XlsxWriter(output, cancellationToken);
            var en = language == Languages.English;
            var period = filter.Period;
            var title = l["Workbook.Title", Date(period.Start), Date(period.End)].Value;
            var subtitle = l["Workbook.Generated", clock.Format(clock.Now), clock.Settings.TimeZone].Value;
            SheetOptions Options(string sheet, params XlsxColumn[] columns) =>
                new() { Title = $"{title} — {sheet}", Subtitle = subtitle, Columns = columns };

            var figures = await WriteSummaryAsync(book, filter, en, title, subtitle, cancellationToken);
            await WriteInspectionsAsync(book.AddSheet(l["Workbook.Sheet.Inspections"], Options(l["Workbook.Sheet.Inspections"],
                Col("Workbook.Division", 22), Col("Workbook.Department", 22), Col("Workbook.Contractor", 22), Col("Workbook.Catalog", 30),
                Col("Workbook.PeriodStart", 12, XlsxKind.Date), Col("Workbook.PeriodEnd", 12, XlsxKind.Date), Col("Field.DueOn", 12, XlsxKind.Date),
                Col("Field.Status", 12), Col("Workbook.SubmittedAt", 17, XlsxKind.DateTime), Col("Workbook.ReviewedAt", 17, XlsxKind.DateTime),
                Col("Workbook.Score", 10, XlsxKind.Percent))), filter, en, cancellationToken);
            await WriteAnswersAsync(book.AddSheet(l["Workbook.Sheet.Answers"], Options(l["Workbook.Sheet.Answers"],
                Col("Workbook.Department", 22), Col("Workbook.PeriodStart", 12, XlsxKind.Date), Col("Workbook.PeriodEnd", 12, XlsxKind.Date),
                Col("Workbook.MeasureId", 10), Col("Workbook.Measure", 30), Col("Workbook.ItemId", 10), Col("Workbook.Question", 50),
                Col("Workbook.Answer", 10), Col("Workbook.Comment", 40), Col("Workbook.EvidenceCount", 10))), filter, en, cancellationToken);
            await WriteFindingsAsync(book.AddSheet(l["Workbook.Sheet.Findings"], Options(l["Workbook.Sheet.Findings"],
                Col("Workbook.Department", 22), Col("Workbook.Audit", 24), Col("Workbook.MeasureId", 10), Col("Workbook.ItemId", 10),
                Col("Workbook.Classification", 16), Col("Workbook.Finding", 40), Col("Workbook.FindingStatus", 10), Col("Workbook.RaisedOn", 12, XlsxKind.Date),
                Col("Workbook.AgeDays", 10), Col("Workbook.ActionStatus", 12), Col("Field.DueOn", 12, XlsxKind.Date), Col("Workbook.OverdueFlag", 10))),
                filter, cancellationToken);
            await WriteActionsAsync(book.AddSheet(l["Workbook.Sheet.Actions"], Options(l["Workbook.Sheet.Actions"],
                Col("Workbook.Department", 22), Col("Workbook.Item", 40), Col("Workbook.Action", 40), Col("Field.Owner", 18),
                Col("Field.DueOn", 12, XlsxKind.Date), Col("Field.Status", 12), Col("Workbook.AgeDays", 10), Col("Workbook.OverdueFlag", 10))), filter, cancellationToken);
            await WriteAuditsAsync(book.AddSheet(l["Workbook.Sheet.Audits"], Options(l["Workbook.Sheet.Audits"],
                Col("Workbook.Audit", 30), Col("Workbook.Scope", 36), Col("Workbook.WindowStart", 12, XlsxKind.Date), Col("Workbook.WindowEnd", 12, XlsxKind.Date),
                Col("Audits.Field.LeadAuditor", 18), Col("Field.Status", 12), Col("Workbook.ResultCount", 10), Col("Workbook.FindingCount", 10),
                Col("Workbook.OpenFindingCount", 10))), filter, cancellationToken);
            await WriteContractorsAsync(book.AddSheet(l["Workbook.Sheet.Contractors"], Options(l["Workbook.Sheet.Contractors"],
                Col("Workbook.Contractor", 26), Col("Workbook.Department", 22), Col("Workbook.Services", 30), Col("Workbook.Countries", 10),
                Col("Workbook.PrivacyMark", 12, XlsxKind.Date), Col("Workbook.Isms", 12, XlsxKind.Date), Col("Workbook.ContractStart", 12, XlsxKind.Date),
                Col("Workbook.ContractEnd", 12, XlsxKind.Date), Col("Field.Status", 12), Col("Workbook.LastSupervision", 12, XlsxKind.Date),
                Col("Workbook.DueForReview", 10))), filter, figures, cancellationToken);
            await WriteManagementReviewsAsync(book.AddSheet(l["Workbook.Sheet.ManagementReviews"], Options(l["Workbook.Sheet.ManagementReviews"],
                Col("ManagementReviews.Field.HeldOn", 12, XlsxKind.Date), Col("ManagementReviews.Field.Kind", 8), Col("ManagementReviews.Field.Chair", 20),
                Col("ManagementReviews.Number", 6), Col("ManagementReviews.Field.OutputKind", 12), Col("ManagementReviews.Field.OutputText", 50),
                Col("Workbook.Department", 22), Col("Field.Owner", 18), Col("Field.DueOn", 12, XlsxKind.Date), Col("Field.Status", 12),
                Col("Workbook.OverdueFlag", 10))), filter, cancellationToken);
            await book.CompleteAsync();
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private XlsxColumn Col(string key, double width, XlsxKind kind = XlsxKind.General) => new(l[key], width, kind);

    private static string Date(DateOnly date) => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    private static double? Percent(double? value) => ComplianceScore.Percent(value);

    private async Task<ComplianceReport.Figures> WriteSummaryAsync(XlsxWriter book, ReportFilter filter, bool en, string title, string subtitle, CancellationToken cancellationToken)
    {
        var figures = await report.RunAsync(filter, withTrend: false, cancellationToken);
        var sheet = book.AddSheet(l["Workbook.Sheet.Summary"], new SheetOptions { Title = $"{title} — {l["Workbook.Sheet.Summary"]}", Subtitle = subtitle });
        var inspections = figures.InspectionTotals;
        var actions = figures.ActionTotals;
        await sheet.AddRowAsync(l["Workbook.Period"].Value, filter.Period.Start, filter.Period.End);
        await sheet.AddRowAsync(l["Workbook.PreviousPeriod"].Value, figures.Previous.Start, figures.Previous.End);
        await sheet.AddRowAsync(l["Workbook.OverallPercent"].Value, Percent(figures.Overall.Value), Percent(figures.OverallBefore.Value), figures.Overall.ChangeSince(figures.OverallBefore));
        await sheet.AddRowAsync(l["Dashboard.OnTime"].Value, inspections.OnTime);
        await sheet.AddRowAsync(l["Dashboard.Late"].Value, inspections.Late);
        await sheet.AddRowAsync(l["Dashboard.Overdue"].Value, inspections.Overdue);
        await sheet.AddRowAsync(l["Dashboard.NotStarted"].Value, inspections.NotStarted);
        await sheet.AddRowAsync(l["Dashboard.ActionsOpen"].Value, actions.Open);
        await sheet.AddRowAsync(l["Workbook.ActionsOverdue"].Value, actions.Overdue);
        await sheet.AddRowAsync(l["Dashboard.ContractorsDue"].Value, figures.ContractorsDue.Count);
        var findings = figures.FindingTotals;
        await sheet.AddRowAsync(l["Workbook.FindingsInPeriod"].Value, findings.Total);
        await sheet.AddRowAsync(l["Workbook.FindingsOpen"].Value, findings.Open, findings.Under30, findings.From30To90, findings.Over90);
        foreach (var classification in Enum.GetValues<FindingClass>())
        {
            var c = figures.FindingsOf(classification);
            await sheet.AddRowAsync("  " + l["FindingClass." + classification].Value, c.Total, c.Open, c.Under30, c.From30To90, c.Over90);
        }

        await sheet.AddRowAsync();
        await sheet.AddRowAsync(l["Workbook.HeatmapTitle"].Value);

        var header = new List<object?> { l["Workbook.Division"].Value, l["Workbook.Department"].Value };
        foreach (var category in ComplianceReport.Categories)
        {
            header.Add(l["Category." + category].Value + " (%)");
            header.Add(l["Workbook.Change"].Value);
        }

        header.Add(l["Dashboard.DepartmentScore"].Value + " (%)");
        header.Add(l["Workbook.Change"].Value);
        await sheet.AddRowAsync(header.ToArray());
        var firstHeatmapRow = sheet.LastRowNumber + 1;
        foreach (var department in figures.Departments)
        {
            var row = new List<object?>
            {
                department.DivisionCode + " " + (en ? department.DivisionEn : department.DivisionJa),
                department.Code + " " + (en ? department.NameEn : department.NameJa),
            };
            foreach (var category in ComplianceReport.Categories)
            {
                var cell = figures.CellOf(department.Id, category);
                row.Add(Percent(cell.Now.Value));
                row.Add(cell.Change);
            }

            var now = figures.DepartmentNow.GetValueOrDefault(department.Id);
            row.Add(Percent(now.Value));
            row.Add(now.ChangeSince(figures.DepartmentBefore.GetValueOrDefault(department.Id)));
            await sheet.AddRowAsync(row.ToArray());
        }

        if (figures.Departments.Count > 0)
        {
            // The score columns (C, E, G, …: every other one after division and department) get the colour scale.
            var last = sheet.LastRowNumber;
            var columns = Enumerable.Range(0, ComplianceReport.Categories.Count + 1).Select(i => XlsxFormat.ColumnName(2 + (2 * i)));
            sheet.AddColorScale(string.Join(' ', columns.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c}{firstHeatmapRow}:{c}{last}"))));
        }

        return figures;
    }

    private async Task WriteInspectionsAsync(XlsxSheet sheet, ReportFilter filter, bool en, CancellationToken cancellationToken)
    {
        var statuses = Enum.GetValues<InspectionStatus>().ToDictionary(s => s, s => l["InspectionStatus." + s].Value);
        var rows = filter.InspectionsIn(db, filter.Period).AsNoTracking()
            .OrderBy(i => i.PeriodStart).ThenBy(i => i.Department.Code).ThenBy(i => i.Id)
            .Select(i => new
            {
                DivisionCode = i.Department.Parent == null ? i.Department.Code : i.Department.Parent.Code,
                DivisionJa = i.Department.Parent == null ? i.Department.NameJa : i.Department.Parent.NameJa,
                DivisionEn = i.Department.Parent == null ? i.Department.NameEn : i.Department.Parent.NameEn,
                i.Department.Code,
                i.Department.NameJa,
                i.Department.NameEn,
                Contractor = i.Contractor == null ? null : i.Contractor.Name,
                i.CatalogVersion.TitleJa,
                i.CatalogVersion.TitleEn,
                i.PeriodStart,
                i.PeriodEnd,
                i.DueOn,
                i.Status,
                i.SubmittedAt,
                i.ReviewedAt,
                // Only the items of the inspection's variant count (the simplified variant: the small-business items).
                Points = i.Answers.Where(a => !i.Simplified || a.CheckItem.SmallBusiness)
                    .Sum(a => a.Value == AnswerValue.Yes ? 1.0 : a.Value == AnswerValue.Partial ? 0.5 : 0.0),
                Counted = i.Answers.Count(a => (!i.Simplified || a.CheckItem.SmallBusiness)
                    && (a.Value == AnswerValue.Yes || a.Value == AnswerValue.Partial || a.Value == AnswerValue.No)),
            })
            .AsAsyncEnumerable();
        await foreach (var i in rows.WithCancellation(cancellationToken))
        {
            await sheet.AddRowAsync(
                i.DivisionCode + " " + (en ? i.DivisionEn : i.DivisionJa), i.Code + " " + (en ? i.NameEn : i.NameJa), i.Contractor,
                en ? i.TitleEn : i.TitleJa, i.PeriodStart, i.PeriodEnd, i.DueOn, statuses[i.Status],
                Local(i.SubmittedAt), Local(i.ReviewedAt), new ComplianceScore(i.Points, i.Counted).Value);
        }
    }

    private async Task WriteAnswersAsync(XlsxSheet sheet, ReportFilter filter, bool en, CancellationToken cancellationToken)
    {
        var values = Enum.GetValues<AnswerValue>().ToDictionary(v => v, v => l["AnswerValue." + v].Value);
        // Evidence is sparse (a few files per inspection): counted once up front rather than per answer row,
        // written from the evidence outwards. Written from the inspections, SQLite scanned every answer of
        // every period (1.7 M rows, 60 s on the bench dataset) to probe the evidence for each.
        var evidence = await (
                from e in db.Evidence
                join a in db.Answers on e.AnswerId equals (Guid?)a.Id
                join i in filter.InspectionsIn(db, filter.Period) on a.InspectionId equals i.Id
                group e by a.Id into g
                select new { g.Key, Count = g.Count() })
            .AsNoTracking().ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var rows = (
                from i in filter.InspectionsIn(db, filter.Period)
                from a in i.Answers
                orderby i.PeriodStart, i.Department.Code, i.Id, a.CheckItem.Measure.SortOrder, a.CheckItem.SortOrder
                select new
                {
                    a.Id,
                    i.Department.Code,
                    i.Department.NameJa,
                    i.Department.NameEn,
                    i.PeriodStart,
                    i.PeriodEnd,
                    MeasureCode = a.CheckItem.Measure.Code,
                    MeasureJa = a.CheckItem.Measure.TitleJa,
                    MeasureEn = a.CheckItem.Measure.TitleEn,
                    ItemCode = a.CheckItem.Code,
                    a.CheckItem.QuestionJa,
                    a.CheckItem.QuestionEn,
                    a.Value,
                    a.Comment,
                })
            .AsNoTracking().AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(cancellationToken))
        {
            await sheet.AddRowAsync(
                a.Code + " " + (en ? a.NameEn : a.NameJa), a.PeriodStart, a.PeriodEnd, a.MeasureCode, en ? a.MeasureEn : a.MeasureJa,
                a.ItemCode, en ? a.QuestionEn : a.QuestionJa, a.Value is { } v ? values[v] : null, a.Comment, evidence.GetValueOrDefault(a.Id));
        }
    }

    private async Task WriteActionsAsync(XlsxSheet sheet, ReportFilter filter, CancellationToken cancellationToken)
    {
        var statuses = Enum.GetValues<CorrectiveActionStatus>().ToDictionary(s => s, s => l["ActionStatus." + s].Value);
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var periodStart = Periods.Midnight(filter.Period.Start, clock.Zone).ToUniversalTime();
        var periodEnd = Periods.Midnight(filter.Period.End.AddDays(1), clock.Zone).ToUniversalTime();
        var en = CultureInfo.CurrentUICulture.Name == "en";
        var rows = filter.Actions(db).AsNoTracking()
            .Where(a => a.CreatedAt < periodEnd && (a.Status != CorrectiveActionStatus.Verified || a.VerifiedAt >= periodStart))
            .OrderBy(a => a.Department.Code).ThenBy(a => a.DueOn).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Department.Code,
                a.Department.NameJa,
                a.Department.NameEn,
                Item = db.CheckItems.Where(c => c.Id == a.CheckItemId).Select(c => new { c.Code, c.QuestionJa, c.QuestionEn }).FirstOrDefault(),
                a.Action,
                Owner = a.Owner.DisplayName,
                a.DueOn,
                a.Status,
                a.CreatedAt,
            })
            .AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(cancellationToken))
        {
            var created = DateOnly.FromDateTime(clock.ToLocal(a.CreatedAt).DateTime);
            var overdue = CorrectiveAction.IsOverdue(a.Status, a.DueOn, today);
            await sheet.AddRowAsync(
                a.Code + " " + (en ? a.NameEn : a.NameJa), a.Item is null ? null : a.Item.Code + " " + (en ? a.Item.QuestionEn : a.Item.QuestionJa),
                a.Action, a.Owner, a.DueOn, statuses[a.Status], today.DayNumber - created.DayNumber, overdue);
        }
    }

    private async Task WriteFindingsAsync(XlsxSheet sheet, ReportFilter filter, CancellationToken cancellationToken)
    {
        var classifications = Enum.GetValues<FindingClass>().ToDictionary(c => c, c => l["FindingClass." + c].Value);
        var statuses = Enum.GetValues<FindingStatus>().ToDictionary(s => s, s => l["FindingStatus." + s].Value);
        var actionStatuses = Enum.GetValues<CorrectiveActionStatus>().ToDictionary(s => s, s => l["ActionStatus." + s].Value);
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var (start, end) = report.Instants(filter.Period);
        var en = CultureInfo.CurrentUICulture.Name == "en";
        var rows = filter.FindingsIn(db, start, end).AsNoTracking()
            .OrderBy(f => f.Department.Code).ThenBy(f => f.CreatedAt).ThenBy(f => f.Id)
            .Select(f => new
            {
                f.Department.Code,
                f.Department.NameJa,
                f.Department.NameEn,
                f.Audit.Title,
                f.MeasureCode,
                f.CheckItemCode,
                f.Classification,
                f.Description,
                f.Status,
                f.CreatedAt,
                f.ClosedAt,
                ActionStatus = f.CorrectiveAction == null ? (CorrectiveActionStatus?)null : f.CorrectiveAction.Status,
                ActionDue = f.CorrectiveAction == null ? (DateOnly?)null : f.CorrectiveAction.DueOn,
            })
            .AsAsyncEnumerable();
        await foreach (var f in rows.WithCancellation(cancellationToken))
        {
            var raised = DateOnly.FromDateTime(clock.ToLocal(f.CreatedAt).DateTime);
            var until = f.ClosedAt is { } closed ? DateOnly.FromDateTime(clock.ToLocal(closed).DateTime) : today;
            var overdue = f.ActionStatus is { } status && f.ActionDue is { } due && CorrectiveAction.IsOverdue(status, due, today);
            await sheet.AddRowAsync(
                f.Code + " " + (en ? f.NameEn : f.NameJa), f.Title, f.MeasureCode, f.CheckItemCode, classifications[f.Classification], f.Description,
                statuses[f.Status], raised, until.DayNumber - raised.DayNumber, f.ActionStatus is { } a ? actionStatuses[a] : null, f.ActionDue, overdue);
        }
    }

    private async Task WriteAuditsAsync(XlsxSheet sheet, ReportFilter filter, CancellationToken cancellationToken)
    {
        var statuses = Enum.GetValues<AuditStatus>().ToDictionary(s => s, s => l["AuditStatus." + s].Value);
        var findings = filter.Findings(db);
        // Few audits a year: read whole, then name their scopes in one query.
        var audits = await filter.AuditsIn(db, filter.Period).AsNoTracking()
            .OrderBy(a => a.WindowStart).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Title,
                a.DepartmentIds,
                a.ContractorIds,
                a.WindowStart,
                a.WindowEnd,
                Lead = a.LeadAuditor.DisplayName,
                a.Status,
                Results = db.AuditTests.Count(t => t.AuditId == a.Id && t.Result != null),
                Findings = findings.Count(f => f.AuditId == a.Id),
                OpenFindings = findings.Count(f => f.AuditId == a.Id && f.Status == FindingStatus.Open),
            })
            .ToListAsync(cancellationToken);
        var names = await ScopeNames.NamesAsync(db, audits.SelectMany(a => a.DepartmentIds), audits.SelectMany(a => a.ContractorIds), cancellationToken);
        foreach (var a in audits)
        {
            await sheet.AddRowAsync(
                a.Title, ScopeNames.Describe(names, a.DepartmentIds, a.ContractorIds), a.WindowStart, a.WindowEnd, a.Lead, statuses[a.Status],
                a.Results, a.Findings, a.OpenFindings);
        }
    }

    private async Task WriteContractorsAsync(XlsxSheet sheet, ReportFilter filter, ComplianceReport.Figures figures, CancellationToken cancellationToken)
    {
        var due = figures.ContractorsDue.Select(c => c.Id).ToHashSet();
        var en = CultureInfo.CurrentUICulture.Name == "en";
        var rows = filter.Contractors(db, includeTerminated: true).AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.OwningDepartment.NameJa,
                c.OwningDepartment.NameEn,
                c.Services,
                c.Countries,
                c.PrivacyMarkExpiresOn,
                c.IsmsExpiresOn,
                c.ContractStartsOn,
                c.ContractEndsOn,
                c.Status,
                LastSupervision = db.Inspections.Where(i => i.ContractorId == c.Id && i.Status == InspectionStatus.Accepted)
                    .OrderByDescending(i => i.PeriodEnd).Select(i => (DateOnly?)i.PeriodEnd).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(cancellationToken))
        {
            await sheet.AddRowAsync(
                c.Name, en ? c.NameEn : c.NameJa, c.Services, string.Join(", ", c.Countries), c.PrivacyMarkExpiresOn, c.IsmsExpiresOn,
                c.ContractStartsOn, c.ContractEndsOn, l["Contractors.Status." + c.Status].Value, c.LastSupervision, due.Contains(c.Id));
        }
    }

    /// <summary>
    /// The outputs of the management reviews of the period (a review is held after the period it
    /// reviews), and those of reviews held before its end that are still open (the follow-up of the
    /// previous review's instructions is itself an input). A
    /// workbook narrowed to departments shows only the outputs given to those departments.
    /// </summary>
    private async Task WriteManagementReviewsAsync(XlsxSheet sheet, ReportFilter filter, CancellationToken cancellationToken)
    {
        var en = CultureInfo.CurrentUICulture.Name == "en";
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var (start, end) = (filter.Period.Start, filter.Period.End);
        var outputs = db.ManagementReviewOutputs.AsNoTracking()
            .Where(o => (o.ManagementReview.PeriodStart <= end && o.ManagementReview.PeriodEnd >= start)
                || (o.ManagementReview.HeldOn <= end
                    && (o.CorrectiveAction == null ? o.Kind != ManagementReviewOutputKind.Decision : o.CorrectiveAction.Status != CorrectiveActionStatus.Verified)));
        if (filter.OnlyDepartments is not null || filter.DivisionId is not null || filter.DepartmentId is not null)
        {
            var departments = filter.Departments(db).Select(d => d.Id);
            outputs = outputs.Where(o => o.CorrectiveAction != null && departments.Contains(o.CorrectiveAction.DepartmentId));
        }

        var rows = outputs
            .OrderBy(o => o.ManagementReview.HeldOn).ThenBy(o => o.ManagementReview.CreatedAt).ThenBy(o => o.Number)
            .Select(o => new
            {
                o.ManagementReview.HeldOn,
                ReviewKind = o.ManagementReview.Kind,
                o.ManagementReview.Chair,
                o.Number,
                o.Kind,
                o.Text,
                DepartmentJa = o.CorrectiveAction == null ? null : o.CorrectiveAction.Department.NameJa,
                DepartmentEn = o.CorrectiveAction == null ? null : o.CorrectiveAction.Department.NameEn,
                Owner = o.CorrectiveAction == null ? null : o.CorrectiveAction.Owner.DisplayName,
                DueOn = o.CorrectiveAction == null ? (DateOnly?)null : o.CorrectiveAction.DueOn,
                Status = o.CorrectiveAction == null ? (CorrectiveActionStatus?)null : o.CorrectiveAction.Status,
            })
            .AsAsyncEnumerable();
        await foreach (var o in rows.WithCancellation(cancellationToken))
        {
            var status = o.Status is { } s ? l["ActionStatus." + s].Value
                : ManagementReviewOutput.IsOpen(o.Kind, null) ? l["ManagementReviews.NotAssigned"].Value : l["ManagementReviews.Recorded"].Value;
            await sheet.AddRowAsync(
                o.HeldOn, l["ManagementReviewKind." + o.ReviewKind].Value, o.Chair, o.Number, l["ManagementReviewOutputKind." + o.Kind].Value, o.Text,
                en ? o.DepartmentEn : o.DepartmentJa, o.Owner, o.DueOn, status,
                o.Status is { } current && o.DueOn is { } due && CorrectiveAction.IsOverdue(current, due, today));
        }
    }

    private DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } at ? clock.ToLocal(at) : null;
}
