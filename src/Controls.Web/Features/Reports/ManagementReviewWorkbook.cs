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
/// actions, Audits, Contractors, the management reviews' outputs, and the PrivacyMark year's inputs
/// to a review: the PMS internal audits' results and findings by clause, the risk register, and
/// the comprehension tests per department — in Japanese or English. Every sheet has the period and the
/// generation time in its title rows, a frozen header with an autofilter, real dates and numbers.
/// Rows are streamed from the database (no tracking, one row at a time) straight into the
/// <see cref="XlsxWriter"/>, so a fiscal year of answers never sits in memory.
/// </summary>
public sealed class ManagementReviewWorkbook(AppDbContext db, ComplianceReport report, Ledger.RiskRegister risks, Training.TrainingComprehension comprehension,
    OrganisationClock clock, IStringLocalizer<SharedResource> l)
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
            await WritePmsAuditResultsAsync(book.AddSheet(l["Workbook.Sheet.PmsResults"], Options(l["Workbook.Sheet.PmsResults"],
                Col("Workbook.Audit", 30), Col("Workbook.MeasureId", 10), Col("Workbook.Measure", 30), Col("Workbook.Clause", 16),
                Col("Workbook.AuditResult", 12), Col("Workbook.AuditNotes", 50))), filter, en, cancellationToken);
            await WritePmsFindingsAsync(book.AddSheet(l["Workbook.Sheet.PmsFindings"], Options(l["Workbook.Sheet.PmsFindings"],
                Col("Workbook.Clause", 12), Col("Workbook.MeasureId", 10), Col("Workbook.ItemId", 10), Col("Workbook.Audit", 24), Col("Workbook.Department", 22),
                Col("Workbook.Classification", 16), Col("Workbook.Finding", 40), Col("Workbook.FindingStatus", 10), Col("Workbook.ActionStatus", 12),
                Col("Field.DueOn", 12, XlsxKind.Date))), filter, cancellationToken);
            await WriteRiskRegisterAsync(book.AddSheet(l["Workbook.Sheet.Risks"], Options(l["Workbook.Sheet.Risks"], [.. risks.Columns()])), filter, language, cancellationToken);
            await WriteComprehensionAsync(book.AddSheet(l["Workbook.Sheet.Comprehension"], Options(l["Workbook.Sheet.Comprehension"],
                Col("Training.Field.Title", 30), Col("ManagementReviews.Field.HeldOn", 12, XlsxKind.Date), Col("Workbook.Department", 22),
                Col("Workbook.TestMust", 10), Col("Test.Passed", 10), Col("PmsYear.Tests.StillMust", 10))), filter, en, cancellationToken);
            await WriteDataSubjectRequestsAsync(book, filter, en, title, subtitle, cancellationToken);
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

        var categories = figures.Categories; // derived from every cell: once for the sheet, not per row
        var header = new List<object?> { l["Workbook.Division"].Value, l["Workbook.Department"].Value };
        foreach (var category in categories)
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
            foreach (var category in categories)
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
            var columns = Enumerable.Range(0, categories.Count + 1).Select(i => XlsxFormat.ColumnName(2 + (2 * i)));
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
                // The answers are counted by value here; ComplianceScore.FromCounts scores them.
                Yes = i.Answers.Count(a => (!i.Simplified || a.CheckItem.SmallBusiness) && a.Value == AnswerValue.Yes),
                Partial = i.Answers.Count(a => (!i.Simplified || a.CheckItem.SmallBusiness) && a.Value == AnswerValue.Partial),
                No = i.Answers.Count(a => (!i.Simplified || a.CheckItem.SmallBusiness) && a.Value == AnswerValue.No),
            })
            .AsAsyncEnumerable();
        await foreach (var i in rows.WithCancellation(cancellationToken))
        {
            await sheet.AddRowAsync(
                i.DivisionCode + " " + (en ? i.DivisionEn : i.DivisionJa), i.Code + " " + (en ? i.NameEn : i.NameJa), i.Contractor,
                en ? i.TitleEn : i.TitleJa, i.PeriodStart, i.PeriodEnd, i.DueOn, statuses[i.Status],
                Local(i.SubmittedAt), Local(i.ReviewedAt), ComplianceScore.FromCounts(i.Yes, i.Partial, i.No).Value);
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

    /// <summary>The PMS internal audits (an audit against a catalog of PMS requirements) of the period: one row per measure audited, with its clauses and result.</summary>
    private async Task WritePmsAuditResultsAsync(XlsxSheet sheet, ReportFilter filter, bool en, CancellationToken cancellationToken)
    {
        var results = Enum.GetValues<AuditTestResult>().ToDictionary(r => r, r => l["AuditTestResult." + r].Value);
        var audits = PmsAudits(filter.AuditsIn(db, filter.Period));
        var clauses = await ClausesAsync(audits, cancellationToken);
        var rows = await (
                from t in db.AuditTests
                join a in audits on t.AuditId equals a.Id
                join m in db.Measures on new { a.CatalogVersionId, Code = t.MeasureCode } equals new { m.CatalogVersionId, m.Code }
                orderby a.WindowStart, a.Title, a.Id, m.SortOrder
                select new { a.Title, a.CatalogVersionId, m.Code, m.TitleJa, m.TitleEn, t.Result, t.Notes })
            .AsNoTracking().ToListAsync(cancellationToken);
        foreach (var r in rows)
        {
            await sheet.AddRowAsync(r.Title, r.Code, en ? r.TitleEn : r.TitleJa, clauses.OfMeasure(r.CatalogVersionId, r.Code),
                r.Result is { } result ? results[result] : null, r.Notes);
        }
    }

    /// <summary>The findings of the PMS internal audits open at some time in the period, by the clause their check item cites.</summary>
    private async Task WritePmsFindingsAsync(XlsxSheet sheet, ReportFilter filter, CancellationToken cancellationToken)
    {
        var classifications = Enum.GetValues<FindingClass>().ToDictionary(c => c, c => l["FindingClass." + c].Value);
        var statuses = Enum.GetValues<FindingStatus>().ToDictionary(s => s, s => l["FindingStatus." + s].Value);
        var actionStatuses = Enum.GetValues<CorrectiveActionStatus>().ToDictionary(s => s, s => l["ActionStatus." + s].Value);
        var en = CultureInfo.CurrentUICulture.Name == "en";
        var (start, end) = report.Instants(filter.Period);
        var audits = PmsAudits(db.Audits);
        var clauses = await ClausesAsync(audits, cancellationToken);
        var findings = await filter.FindingsIn(db, start, end).AsNoTracking()
            .Where(f => audits.Any(a => a.Id == f.AuditId))
            .Select(f => new
            {
                f.Audit.CatalogVersionId,
                f.MeasureCode,
                f.CheckItemCode,
                f.Audit.Title,
                f.Department.Code,
                f.Department.NameJa,
                f.Department.NameEn,
                f.Classification,
                f.Description,
                f.Status,
                ActionStatus = f.CorrectiveAction == null ? (CorrectiveActionStatus?)null : f.CorrectiveAction.Status,
                ActionDue = f.CorrectiveAction == null ? (DateOnly?)null : f.CorrectiveAction.DueOn,
                f.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        foreach (var f in findings
                     .Select(f => (Clause: f.CheckItemCode.Length > 0 ? clauses.OfItem(f.CatalogVersionId, f.CheckItemCode) : clauses.OfMeasure(f.CatalogVersionId, f.MeasureCode), Finding: f))
                     .OrderBy(x => x.Clause, Clauses.Order).ThenBy(x => x.Finding.MeasureCode, StringComparer.Ordinal).ThenBy(x => x.Finding.CreatedAt))
        {
            var x = f.Finding;
            await sheet.AddRowAsync(f.Clause, x.MeasureCode, x.CheckItemCode, x.Title, x.Code + " " + (en ? x.NameEn : x.NameJa), classifications[x.Classification],
                x.Description, statuses[x.Status], x.ActionStatus is { } a ? actionStatuses[a] : null, x.ActionDue);
        }
    }

    /// <summary>Audits against a catalog version that holds PMS requirements (category <c>pms</c>).</summary>
    private IQueryable<Audit> PmsAudits(IQueryable<Audit> audits) =>
        audits.Where(a => db.Measures.Any(m => m.CatalogVersionId == a.CatalogVersionId && m.Category == Features.Catalog.MeasureCategory.Pms));

    /// <summary>The clauses of the check items of the audits' catalog versions (a few dozen rows), read once.</summary>
    private async Task<Clauses> ClausesAsync(IQueryable<Audit> audits, CancellationToken cancellationToken)
    {
        var versions = audits.Select(a => a.CatalogVersionId).Distinct();
        var items = await db.CheckItems.AsNoTracking()
            .Where(c => versions.Contains(c.Measure.CatalogVersionId) && c.Clause != "")
            .OrderBy(c => c.SortOrder)
            .Select(c => new { c.Measure.CatalogVersionId, MeasureCode = c.Measure.Code, c.Code, c.Clause })
            .ToListAsync(cancellationToken);
        return new Clauses(
            items.ToDictionary(i => (i.CatalogVersionId, i.Code), i => i.Clause),
            items.GroupBy(i => (i.CatalogVersionId, i.MeasureCode)).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(i => i.Clause).Distinct())));
    }

    private sealed record Clauses(Dictionary<(Guid, string), string> Items, Dictionary<(Guid, string), string> Measures)
    {
        /// <summary>Clause numbers in their natural order (4.1 before 10.2, the body before Annex A).</summary>
        public static readonly IComparer<string> Order = Comparer<string>.Create((a, b) => CompareClauses(a, b));

        public string OfItem(Guid version, string code) => Items.GetValueOrDefault((version, code), "");

        public string OfMeasure(Guid version, string code) => Measures.GetValueOrDefault((version, code), "");

        private static int CompareClauses(string a, string b)
        {
            var x = a.Split(['.', ',', ' '], StringSplitOptions.RemoveEmptyEntries);
            var y = b.Split(['.', ',', ' '], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                var c = int.TryParse(x[i], out var m) && int.TryParse(y[i], out var n) ? m.CompareTo(n)
                    : char.IsDigit(x[i][0]) != char.IsDigit(y[i][0]) ? (char.IsDigit(x[i][0]) ? -1 : 1)
                    : string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }

    /// <summary>The risk register (the register page's query and rows: one row per ledger entry × life-cycle stage) of the departments in scope.</summary>
    private async Task WriteRiskRegisterAsync(XlsxSheet sheet, ReportFilter filter, string language, CancellationToken cancellationToken)
    {
        var entries = db.LedgerEntries.AsNoTracking();
        if (filter.Narrowed)
        {
            var departments = filter.Departments(db).Select(d => d.Id);
            entries = entries.Where(e => departments.Contains(e.DepartmentId));
        }

        var all = new Ledger.RiskRegister.Filter();
        await foreach (var row in risks.ExportRowsAsync(Ledger.RiskRegister.Query(entries, all), all, language, cancellationToken))
        {
            await sheet.AddRowAsync(row);
        }
    }

    /// <summary>
    /// The comprehension tests of the sessions held from the start of the period's fiscal year to its end, per
    /// department in scope: who must pass (in service today), who passed, who still must.
    /// </summary>
    private async Task WriteComprehensionAsync(XlsxSheet sheet, ReportFilter filter, bool en, CancellationToken cancellationToken)
    {
        IReadOnlySet<Guid>? only = filter.Narrowed ? (await filter.Departments(db).Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet() : null;
        var fiscalStart = clock.Settings.FiscalYearStartMonth;
        var from = ReportPeriod.FiscalYear(ReportPeriod.FiscalYearOf(filter.Period.Start, fiscalStart), fiscalStart).Start;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        foreach (var r in await comprehension.ByDepartmentAsync(only, from, filter.Period.End, today, cancellationToken))
        {
            await sheet.AddRowAsync(r.Title, r.HeldOn, r.Code + " " + (en ? r.NameEn : r.NameJa), r.Must, r.Passed, r.StillMust);
        }
    }

    /// <summary>
    /// The sheet of data subjects' requests (開示等の請求): the requests received in the period counted
    /// per kind and status, then every request still open past its due date (whenever received), by
    /// reference — never the person's details. Narrowed to the filter's departments like the other sheets.
    /// </summary>
    private async Task WriteDataSubjectRequestsAsync(XlsxWriter book, ReportFilter filter, bool en, string title, string subtitle, CancellationToken cancellationToken)
    {
        var name = l["Workbook.Sheet.Requests"].Value;
        var sheet = book.AddSheet(name, new SheetOptions { Title = $"{title} — {name}", Subtitle = subtitle });
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var (start, end) = (filter.Period.Start, filter.Period.End);
        var requests = db.DataSubjectRequests.AsNoTracking();
        if (filter.Narrowed)
        {
            var departments = filter.Departments(db).Select(d => d.Id);
            requests = requests.Where(r => departments.Contains(r.DepartmentId));
        }

        var counts = await requests.Where(r => r.ReceivedOn >= start && r.ReceivedOn <= end)
            .GroupBy(r => new { r.Kind, r.Status })
            .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var statuses = Enum.GetValues<DataSubjectRequestStatus>();
        await sheet.AddRowAsync(l["Workbook.RequestsReceived"].Value);
        await sheet.AddRowAsync(new object?[] { l["Requests.Field.Kind"].Value }.Concat(statuses.Select(s => (object?)l["Requests.Status." + s].Value)).Append(l["Workbook.Total"].Value).ToArray());
        foreach (var kind in Enum.GetValues<DataSubjectRequestKind>())
        {
            var row = statuses.Select(s => counts.Where(c => c.Kind == kind && c.Status == s).Sum(c => c.Count)).ToList();
            await sheet.AddRowAsync(new object?[] { l["Requests.Kind." + kind].Value }.Concat(row.Select(c => (object?)c)).Append(row.Sum()).ToArray());
        }

        var totals = statuses.Select(s => counts.Where(c => c.Status == s).Sum(c => c.Count)).ToList();
        await sheet.AddRowAsync(new object?[] { l["Workbook.Total"].Value }.Concat(totals.Select(c => (object?)c)).Append(totals.Sum()).ToArray());

        await sheet.AddRowAsync();
        await sheet.AddRowAsync(l["Workbook.RequestsOverdue"].Value);
        await sheet.AddRowAsync(l["Requests.Field.Reference"].Value, l["Requests.Field.Kind"].Value, l["Workbook.Department"].Value, l["Requests.Field.ReceivedOn"].Value,
            l["Requests.Field.DueOn"].Value, l["Requests.Field.Status"].Value, l["Workbook.DaysOverdue"].Value);
        var overdue = await requests
            .WhereOverdue(today)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Reference)
            .Select(r => new { r.Reference, r.Kind, r.Department.Code, r.Department.NameJa, r.Department.NameEn, r.ReceivedOn, r.DueOn, r.Status })
            .ToListAsync(cancellationToken);
        foreach (var r in overdue)
        {
            await sheet.AddRowAsync(r.Reference, l["Requests.Kind." + r.Kind].Value, r.Code + " " + (en ? r.NameEn : r.NameJa), r.ReceivedOn, r.DueOn,
                l["Requests.Status." + r.Status].Value, today.DayNumber - r.DueOn.DayNumber);
        }

        if (overdue.Count == 0)
        {
            await sheet.AddRowAsync(l["Workbook.NoRequestsOverdue"].Value);
        }
    }

    private DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } at ? clock.ToLocal(at) : null;
}
