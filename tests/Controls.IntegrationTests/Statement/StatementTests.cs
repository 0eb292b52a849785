using System.Net;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;
using Controls.Web.Features.Statement;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Statement;

/// <summary>
/// The compliance officer's statement of security measures taken (Art. 32): wording and withheld
/// measures, the honesty check against accepted inspections, publishing with a reason, versions,
/// the diff, the downloads and the out-of-date flag for a new foreign country.
/// </summary>
public class StatementTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private const string Catalog = InspectionApp.CatalogKey;

    private async Task<Department> NamedDepartmentAsync(string ja, string en)
    {
        var department = await app.CreateDepartmentAsync();
        await using var db = app.Db();
        var row = await db.Departments.SingleAsync(d => d.Id == department.Id);
        row.NameJa = ja;
        row.NameEn = en;
        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>An accepted inspection of the department answering every item of the measure with the value.</summary>
    private async Task AcceptedInspectionAsync(Guid departmentId, string measureCode, AnswerValue value)
    {
        await using var db = app.Db();
        var version = await db.CatalogVersions.Where(v => v.Catalog.Key == Catalog).OrderByDescending(v => v.Number).FirstAsync();
        var items = await db.CheckItems.Where(i => i.Measure.CatalogVersionId == version.Id && i.Measure.Code == measureCode).Select(i => i.Id).ToListAsync();
        var start = new DateOnly(2026, 4, 1);
        db.Inspections.Add(new Inspection
        {
            Id = Guid.NewGuid(),
            CatalogVersionId = version.Id,
            DepartmentId = departmentId,
            TargetKey = Inspection.DepartmentTarget(departmentId),
            PeriodStart = start,
            PeriodEnd = start.AddMonths(3).AddDays(-1),
            DueOn = start.AddMonths(4),
            Status = InspectionStatus.Accepted,
            CreatedAt = DateTimeOffset.UtcNow,
            SubmittedAt = DateTimeOffset.UtcNow,
            ReviewedAt = DateTimeOffset.UtcNow,
            Answers = items.Select(i => new Answer { Id = Guid.NewGuid(), CheckItemId = i, Value = value, AnsweredAt = DateTimeOffset.UtcNow }).ToList(),
        });
        await db.SaveChangesAsync();
    }

    private async Task LedgerEntryAsync(Guid departmentId, params string[] countries)
    {
        await using var db = app.Db();
        db.LedgerEntries.Add(new LedgerEntry
        {
            Id = Guid.NewGuid(),
            DepartmentId = departmentId,
            Name = "顧客データ " + Guid.NewGuid().ToString("N")[..6],
            Countries = [.. countries],
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Publishes through the page (with a reason, which is only kept when warnings are open); returns the version number.</summary>
    private static async Task<int> PublishAsync(HttpClient client, string reason = "公表内容を確認しました。")
    {
        var page = await client.GetPageAsync("/Statement/Publish");
        var response = await client.SubmitFormAsync(page, new() { ["Reason"] = reason });
        var path = response.RedirectPath();
        Assert.StartsWith("/Statement/Version/", path);
        return int.Parse(path["/Statement/Version/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Paragraphs(IDocument page, string language) =>
        page.QuerySelectorAll($"[data-testid=statement-{language}] h2, [data-testid=statement-{language}] h3, [data-testid=statement-{language}] p")
            .Select(e => e.TextContent).ToList();

    [Fact]
    public async Task A_no_in_an_accepted_inspection_warns_naming_the_measure_and_department_and_publishing_needs_a_recorded_reason()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var accounting = await NamedDepartmentAsync("経理部" + suffix, "Accounting " + suffix);
        var legal = await NamedDepartmentAsync("法務部" + suffix, "Legal " + suffix);
        await AcceptedInspectionAsync(accounting.Id, "TEC-2", AnswerValue.No);
        await AcceptedInspectionAsync(legal.Id, "TEC-2", AnswerValue.Yes);
        var (client, officer) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);

        var page = await client.GetPageAsync("/Statement");
        var warning = page.QuerySelectorAll("[data-testid=warning][data-measure=TEC-2]").Select(w => w.TextContent).Single(t => t.Contains(accounting.NameJa));
        Assert.Contains("TEC-2", warning);
        Assert.DoesNotContain(legal.NameJa, warning);
        var row = page.QuerySelector("[data-testid=measure-row][data-measure=TEC-2]")!;
        Assert.Contains(accounting.NameJa, row.TextContent);

        var before = await app.QueryAsync(db => db.StatementVersions.CountAsync());
        var publish = await client.GetPageAsync("/Statement/Publish");
        Assert.Contains(publish.QuerySelectorAll("[data-testid=warning]"), w => w.TextContent.Contains(accounting.NameJa));
        var refused = await client.SubmitFormAsync(publish, new() { ["Reason"] = "   " });
        Assert.Contains("警告があるため、公表する理由の入力が必要です。", await HttpForms.ErrorsAsync(refused));
        Assert.Equal(before, await app.QueryAsync(db => db.StatementVersions.CountAsync()));

        var reason = "経理部の多要素認証は来月導入予定のため、公表を優先します " + suffix;
        var number = await PublishAsync(client, reason);
        var version = await app.QueryAsync(db => db.StatementVersions.SingleAsync(v => v.Number == number));
        Assert.Equal(reason, version.WarningReason);
        Assert.Equal(officer.Id, version.PublishedById);
        Assert.Contains(version.WarningsJa, w => w.Contains(accounting.NameJa) && w.Contains("TEC-2"));
        Assert.Contains(version.WarningsEn, w => w.Contains(accounting.NameEn) && w.Contains("TEC-2"));
        var shown = await client.GetPageAsync($"/Statement/Version/{number}");
        Assert.Equal(reason, shown.QuerySelector("[data-testid=version-reason]")!.TextContent.Trim());
        Assert.Contains(accounting.NameJa, shown.QuerySelector("[data-testid=version-warnings]")!.TextContent);
    }

    [Fact]
    public async Task Own_wording_replaces_the_default_and_a_withheld_measure_needs_a_reason_and_leaves_the_text()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var url = $"/Statement/Measure/{Catalog}/PHY-2";
        var defaults = await app.QueryAsync(db => db.Measures.Where(m => m.Code == "PHY-2" && m.CatalogVersion.Catalog.Key == Catalog).Select(m => new { m.StatementJa, m.StatementEn }).FirstAsync());

        var noReason = await client.SubmitFormAsync(url, new() { ["Input.Withheld"] = "true", ["Input.WithheldReason"] = " " });
        Assert.Contains("公表しない場合は、その理由を入力してください。", await HttpForms.ErrorsAsync(noReason));
        var tooLong = await client.SubmitFormAsync(url, new() { ["Input.WordingJa"] = new string('あ', StatementMeasure.WordingLength + 1) });
        Assert.Contains(await HttpForms.ErrorsAsync(tooLong), e => e.Contains("2000文字以内"));
        Assert.False(await app.QueryAsync(db => db.StatementMeasures.AnyAsync(s => s.MeasureCode == "PHY-2")));

        var own = "当社は、書類と記録媒体を施錠できる書庫に保管しています。" + Guid.NewGuid().ToString("N")[..6];
        var saved = await client.SubmitFormAsync(url, new() { ["Input.WordingJa"] = own + "\r\n", ["Input.WordingEn"] = "" });
        Assert.Equal("/Statement", saved.RedirectPath());
        var page = await client.GetPageAsync("/Statement");
        Assert.Contains(own, Paragraphs(page, "ja"));
        Assert.DoesNotContain(defaults.StatementJa, Paragraphs(page, "ja"));
        Assert.Contains(defaults.StatementEn, Paragraphs(page, "en"));

        var withheld = await client.SubmitFormAsync(url, new() { ["Input.Withheld"] = "true", ["Input.WithheldReason"] = "保管場所の特定につながるため" });
        Assert.Equal("/Statement", withheld.RedirectPath());
        page = await client.GetPageAsync("/Statement");
        Assert.DoesNotContain(own, Paragraphs(page, "ja"));
        Assert.DoesNotContain(defaults.StatementEn, Paragraphs(page, "en"));
        Assert.NotNull(page.QuerySelector("[data-testid=measure-row][data-measure=PHY-2] [data-testid=withheld]"));
        Assert.NotNull((await client.GetPageAsync(url)).QuerySelector("[data-testid=withheld]"));
        var row = await app.QueryAsync(db => db.StatementMeasures.SingleAsync(s => s.MeasureCode == "PHY-2"));
        Assert.Equal(own, row.WordingJa);
        Assert.Equal("保管場所の特定につながるため", row.WithheldReason);
    }

    [Fact]
    public async Task A_stale_wording_edit_is_refused_with_the_concurrency_message()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var url = $"/Statement/Measure/{Catalog}/HUM-1";
        var first = await client.GetPageAsync(url);
        var second = await client.GetPageAsync(url);
        Assert.Equal("/Statement", (await client.SubmitFormAsync(first, new() { ["Input.WordingEn"] = "We train every handler each year." })).RedirectPath());

        var stale = await client.SubmitFormAsync(second, new() { ["Input.WordingEn"] = "We train some handlers." });
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。", await HttpForms.ErrorsAsync(stale));
        Assert.Equal("We train every handler each year.", await app.QueryAsync(db => db.StatementMeasures.Where(s => s.MeasureCode == "HUM-1").Select(s => s.WordingEn).SingleAsync()));

        // Once more on the row that now exists.
        var third = await client.GetPageAsync(url);
        var fourth = await client.GetPageAsync(url);
        Assert.Equal("/Statement", (await client.SubmitFormAsync(third, new() { ["Input.WordingEn"] = "We train all handlers twice a year." })).RedirectPath());
        Assert.Contains("保存できませんでした。このページを開いた後に、ほかの人がこのデータを変更しています。最新の内容を確認してから、もう一度保存してください。",
            await HttpForms.ErrorsAsync(await client.SubmitFormAsync(fourth, new() { ["Input.WordingEn"] = "Stale." })));
    }

    [Fact]
    public async Task Unknown_measures_and_countries_are_404_and_oversized_input_is_refused_with_a_message()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Statement/Measure/{Catalog}/NOPE-9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Statement/Measure/no-such-catalog/POL-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Statement/Country/XX")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Statement/Version/9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Statement/Diff?from=9998&to=9999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Statement/Versions?handler=Download&format=exe&lang=ja")).StatusCode);

        var note = await client.SubmitFormAsync("/Statement/Country/VN", new() { ["Input.NoteJa"] = new string('x', StatementCountryNote.NoteLength + 1) });
        Assert.Contains(await HttpForms.ErrorsAsync(note), e => e.Contains("1000文字以内"));
        Assert.False(await app.QueryAsync(db => db.StatementCountryNotes.AnyAsync(n => n.CountryCode == "VN")));

        var publish = await client.GetPageAsync("/Statement/Publish");
        var before = await app.QueryAsync(db => db.StatementVersions.CountAsync());
        var tooLong = await client.SubmitFormAsync(publish, new() { ["Reason"] = new string('x', StatementVersion.ReasonLength + 1) });
        Assert.NotEmpty(await HttpForms.ErrorsAsync(tooLong));
        var tampered = await client.SubmitFormAsync(publish, new() { ["Reason"] = "ok", ["Fingerprint"] = "stale" });
        Assert.Contains("この画面を開いた後に公表文または警告が変わりました。内容を確認して、もう一度公表してください。", await HttpForms.ErrorsAsync(tampered));
        Assert.Equal(before, await app.QueryAsync(db => db.StatementVersions.CountAsync()));
    }

    [Fact]
    public async Task Management_reads_but_does_not_edit_department_heads_are_refused_and_anonymous_users_sign_in()
    {
        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        var page = await management.GetPageAsync("/Statement");
        Assert.Null(page.QuerySelector("[data-testid=publish-link]"));
        Assert.NotNull(page.QuerySelector("[data-testid=nav-statement]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await management.GetAsync("/Statement/Publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await management.GetAsync($"/Statement/Measure/{Catalog}/POL-1")).StatusCode);

        var (head, _) = await app.SignInAsNewAsync(Roles.DepartmentHead);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Statement")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/Statement/Versions?handler=Download&format=txt&lang=ja")).StatusCode);
        Assert.Null((await head.GetPageAsync("/")).QuerySelector("[data-testid=nav-statement]"));

        var anonymous = await app.Anonymous().GetAsync("/Statement/Versions");
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", anonymous.RedirectPath());
    }

    [Fact]
    public async Task A_new_ledger_country_marks_the_statement_out_of_date_and_the_next_version_differs_by_that_country()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        await LedgerEntryAsync(department.Id, "JP", "AU");
        var first = await PublishAsync(client);
        Assert.Null((await client.GetPageAsync("/Statement")).QuerySelector("[data-testid=out-of-date]"));

        await LedgerEntryAsync(department.Id, "BR");
        var page = await client.GetPageAsync("/Statement");
        Assert.Contains("ブラジル", page.QuerySelector("[data-testid=out-of-date]")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("[data-testid=country-row]"), r => r.GetAttribute("data-country") == "BR");
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=country-row]"), r => r.GetAttribute("data-country") == "JP");

        var noted = await client.SubmitFormAsync("/Statement/Country/BR", new() { ["Input.NoteJa"] = "ブラジルには一般データ保護法(LGPD)があります。", ["Input.NoteEn"] = "Brazil has a general data protection law (LGPD)." });
        Assert.Equal("/Statement", noted.RedirectPath());
        var second = await PublishAsync(client);
        Assert.Equal(first + 1, second);
        Assert.Null((await client.GetPageAsync("/Statement")).QuerySelector("[data-testid=out-of-date]"));

        var diff = await client.GetPageAsync($"/Statement/Diff?from={first}&to={second}");
        var addedJa = diff.QuerySelectorAll("[data-testid=diff-ja] [data-testid=added]").Select(e => e.TextContent).ToList();
        var removedJa = diff.QuerySelectorAll("[data-testid=diff-ja] [data-testid=removed]").Select(e => e.TextContent).ToList();
        Assert.Contains(addedJa, l => l.Contains("ブラジル: ブラジルには一般データ保護法(LGPD)があります。"));
        Assert.Contains(addedJa, l => l.Contains("オーストラリア及びブラジルにおいて"));
        Assert.Contains(removedJa, l => l.Contains("オーストラリア") && !l.Contains("ブラジル"));
        Assert.Contains(diff.QuerySelectorAll("[data-testid=diff-en] [data-testid=added]"), e => e.TextContent.Contains("Brazil: Brazil has a general data protection law (LGPD)."));
        Assert.DoesNotContain(diff.QuerySelectorAll("[data-testid=diff-en] [data-testid=removed]"), e => e.TextContent.Contains("Brazil"));
        Assert.NotEmpty(diff.QuerySelectorAll("[data-testid=diff-en] [data-testid=same]"));
    }

    [Fact]
    public async Task The_current_version_downloads_as_text_html_and_a_valid_docx_holding_the_same_paragraphs()
    {
        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var number = await PublishAsync(client);
        var versions = await client.GetPageAsync("/Statement/Versions");
        Assert.NotEmpty(versions.QuerySelectorAll("[data-testid=version-row]"));

        foreach (var language in new[] { "ja", "en" })
        {
            var html = await client.GetAsync($"/Statement/Versions?handler=Download&format=html&lang={language}");
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            var fileName = html.Content.Headers.ContentDisposition!.FileNameStar ?? html.Content.Headers.ContentDisposition.FileName!;
            Assert.Matches($@"^security-measures-statement-v{number}-{language}-\d{{4}}-\d{{2}}-\d{{2}}\.html$", fileName.Trim('"'));
            var fragment = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await html.Content.ReadAsStringAsync());
            var htmlParagraphs = fragment.QuerySelectorAll("section.security-measures h2, section.security-measures h3, section.security-measures p").Select(e => e.TextContent).ToList();
            Assert.True(htmlParagraphs.Count > 10);

            var docx = await client.GetAsync($"/Statement/Versions?handler=Download&format=docx&lang={language}");
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
            var bytes = await docx.Content.ReadAsByteArrayAsync();
            using (var package = WordprocessingDocument.Open(new MemoryStream(bytes), false))
            {
                var errors = new OpenXmlValidator().Validate(package).Select(e => e.Description).ToList();
                Assert.True(errors.Count == 0, string.Join("\n", errors));
            }

            Assert.Equal(htmlParagraphs, StatementDocx.ReadParagraphs(new MemoryStream(bytes)));

            var text = await client.GetStringAsync($"/Statement/Versions?handler=Download&format=txt&lang={language}");
            var stored = await app.QueryAsync(db => db.StatementVersions.Where(v => v.Number == number).Select(v => language == "en" ? v.TextEn : v.TextJa).SingleAsync());
            Assert.Equal(stored, text);
            Assert.All(htmlParagraphs, p => Assert.Contains(p, text));
        }
    }

    [Fact]
    public async Task An_open_audit_finding_against_a_disclosed_measure_warns_naming_the_department_until_the_measure_is_withheld()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var warehouse = await NamedDepartmentAsync("物流センター" + suffix, "Logistics centre " + suffix);
        var auditor = await app.CreateUserAsync([Roles.Auditor]);
        await using (var db = app.Db())
        {
            var version = await db.CatalogVersions.Where(v => v.Catalog.Key == Catalog).OrderByDescending(v => v.Number).FirstAsync();
            var programme = new AuditProgramme { Id = Guid.NewGuid(), FiscalYear = 3000 + Random.Shared.Next(5000), CreatedAt = DateTimeOffset.UtcNow };
            var audit = new Audit
            {
                Id = Guid.NewGuid(),
                Programme = programme,
                Title = "物流センター監査",
                DepartmentIds = [warehouse.Id],
                CatalogVersionId = version.Id,
                WindowStart = new DateOnly(2026, 10, 1),
                WindowEnd = new DateOnly(2026, 10, 14),
                LeadAuditorId = auditor.Id,
                Status = AuditStatus.Reporting,
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedById = auditor.Id,
            };
            db.Findings.Add(new Finding
            {
                Id = Guid.NewGuid(),
                Audit = audit,
                Classification = FindingClass.MinorNonconformity,
                MeasureCode = "PHY-3",
                CheckItemCode = "PHY-3.1",
                Description = "持出し記録の一部に承認者の記載がない",
                DepartmentId = warehouse.Id,
                Status = FindingStatus.Open,
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedById = auditor.Id,
            });
            await db.SaveChangesAsync();
        }

        var (client, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var page = await client.GetPageAsync("/Statement");
        Assert.Contains(page.QuerySelectorAll("[data-testid=warning][data-measure=PHY-3]"), w => w.TextContent.Contains(warehouse.NameJa) && w.TextContent.Contains("未完了の監査指摘事項"));

        var withheld = await client.SubmitFormAsync($"/Statement/Measure/{Catalog}/PHY-3", new() { ["Input.Withheld"] = "true", ["Input.WithheldReason"] = "持出し手順の詳細は公表しない方針のため" });
        Assert.Equal("/Statement", withheld.RedirectPath());
        page = await client.GetPageAsync("/Statement");
        Assert.Empty(page.QuerySelectorAll("[data-testid=warning][data-measure=PHY-3]"));
        Assert.Contains("1", page.QuerySelector("[data-testid=measure-row][data-measure=PHY-3]")!.TextContent);
    }
}
