using System.Net;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Incidents;

/// <summary>The incident register: recording, the reportability check and decision, deadlines, reports, the draft, and who sees what.</summary>
public class IncidentTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private static Dictionary<string, object> NewIncident(string title, Guid departmentId) => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = "Leakage",
        ["Input.DiscoveredAt"] = "2026-03-30T18:00",
        ["Input.AwareAt"] = "2026-03-31T23:30",
        ["Input.DepartmentId"] = departmentId.ToString(),
        ["Input.PeopleCount"] = "1001",
        ["Input.DataItems"] = "氏名、メールアドレス",
        ["Input.DataSets"] = "会員名簿",
        ["Input.Description"] = "会員向けメールを BCC ではなく TO で一斉送信した。",
        ["Input.Cause"] = "送信前の確認手順が守られなかった。",
    };

    private Task<Incident?> FindAsync(string title) =>
        app.QueryAsync(db => db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Title == title));

    private async Task<Incident> SeedAsync(Guid departmentId, Action<Incident>? configure = null)
    {
        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            Title = Unique("誤送信"),
            Kind = IncidentKind.Leakage,
            DiscoveredAt = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero),
            AwareAt = new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero),
            DepartmentId = departmentId,
            PeopleCount = 3,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = Guid.NewGuid(),
        };
        configure?.Invoke(incident);
        await using var db = app.Db();
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return incident;
    }

    [Fact]
    public async Task A_compliance_officer_records_a_leak_of_1001_people_and_sees_it_reportable_with_its_deadlines_and_the_draft()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var title = Unique("会員へのメール誤送信");
        var members = new LedgerEntry
        {
            Id = Guid.NewGuid(),
            DepartmentId = department.Id,
            Name = Unique("会員名簿"),
            Countries = ["JP"],
            People = PeopleRange.UpTo5000,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = app.Db())
        {
            db.LedgerEntries.Add(members);
            await db.SaveChangesAsync();
        }

        var values = NewIncident(title, department.Id);
        values["Input.LedgerEntryIds"] = new[] { members.Id.ToString() };
        var created = await officer.SubmitFormAsync("/Incidents/Create", values);
        var stored = await FindAsync(title);
        Assert.NotNull(stored);
        Assert.Equal($"/Incidents/Details/{stored.Id}", created.RedirectPath());
        // 23:30 in Tokyo, stored as the instant.
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 14, 30, 0, TimeSpan.Zero), stored.AwareAt);
        Assert.Null(stored.ReportableDecision);
        Assert.Equal([members.Id], stored.LedgerEntryIds);

        var page = await officer.FollowAsync(created);
        Assert.Single(page.QuerySelectorAll("[role=status].alert-success"));
        Assert.Equal("報告対象", page.QuerySelector("[data-testid=computed]")!.TextContent.Trim());
        Assert.Contains("1,001人で1,000人を超える", page.QuerySelector("[data-testid=reasons]")!.TextContent);
        Assert.Equal("2026/03/31 23:30", page.QuerySelector("[data-testid=aware-at]")!.TextContent.Trim());
        // Awareness on 3/31 (Tokyo): preliminary 3 days, final 30 days later.
        Assert.StartsWith("2026/04/03", page.QuerySelector("[data-testid=preliminary-deadline]")!.TextContent.Trim());
        Assert.StartsWith("2026/04/30", page.QuerySelector("[data-testid=final-deadline]")!.TextContent.Trim());

        var draft = page.QuerySelector("[data-testid=report-draft]")!.TextContent;
        foreach (var heading in new[] { "1. 概要", "2. 漏えい等が発生し", "3. ", "4. 原因", "5. 二次被害", "6. 本人への対応", "7. 公表", "8. 再発防止", "9. その他" })
        {
            Assert.Contains(heading, draft);
        }

        Assert.Contains("事業者が把握した日時:2026/03/31 23:30", draft);
        Assert.Contains("1,000人超", draft);
        Assert.Contains("1,001人", draft);
        Assert.Contains("送信前の確認手順が守られなかった。", draft);
        Assert.Contains("(調査中)", draft);
        Assert.Contains($"{members.Name}、会員名簿", draft);
        Assert.Equal(members.Name, page.QuerySelector("[data-testid=ledger-entries]")!.TextContent.Trim());

        var list = await officer.GetPageAsync("/Incidents");
        Assert.NotNull(list.QuerySelector($"[data-incident='{stored.Id}']"));
    }

    [Fact]
    public async Task Bad_input_is_shown_on_the_page_and_nothing_is_saved()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var title = Unique("不正な入力");
        var values = NewIncident(title, department.Id);
        values["Input.AwareAt"] = "2026-03-29T10:00";
        values["Input.DiscoveredAt"] = "2026-03-30T10:00";
        values["Input.PeopleCount"] = "-5";
        values["Input.Kind"] = "Theft";
        values["Input.ContractorId"] = Guid.NewGuid().ToString();
        values["Input.Cause"] = new string('x', 4001);
        values["Input.LedgerEntryIds"] = new[] { Guid.NewGuid().ToString() };

        var response = await officer.SubmitFormAsync("/Incidents/Create", values);
        var errors = await HttpForms.ErrorsAsync(response);
        Assert.Contains("把握した日時は発見日時以降としてください。", errors);
        Assert.Contains("本人の数は0以上の整数で入力してください。", errors);
        Assert.Contains("委託先が見つかりません。一覧から選択してください。", errors);
        Assert.Contains(errors, e => e.Contains("4000文字以内"));
        Assert.Contains("台帳のデータが見つかりません。一覧から選択してください。", errors);
        Assert.Null(await FindAsync(title));

        values = NewIncident(title, department.Id);
        values["Input.Title"] = "";
        values["Input.AwareAt"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        errors = await HttpForms.ErrorsAsync(await officer.SubmitFormAsync("/Incidents/Create", values));
        Assert.Contains("未来の日時は入力できません。", errors);
        Assert.Contains(errors, e => e.EndsWith("を入力してください。", StringComparison.Ordinal));
        Assert.Equal(0, await app.QueryAsync(db => db.Incidents.CountAsync(i => i.DepartmentId == department.Id)));
    }

    [Fact]
    public async Task A_department_head_sees_and_edits_only_their_own_departments_incidents()
    {
        var own = await app.CreateDepartmentAsync();
        var other = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], own.Id);
        var client = await app.SignInAsync(head);
        var mine = await SeedAsync(own.Id);
        var theirs = await SeedAsync(other.Id);

        var list = await client.GetPageAsync("/Incidents");
        Assert.NotNull(list.QuerySelector($"[data-incident='{mine.Id}']"));
        Assert.Null(list.QuerySelector($"[data-incident='{theirs.Id}']"));
        Assert.NotNull(list.QuerySelector("[data-testid=own-department-only]"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Incidents/Details/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Incidents/Edit/{theirs.Id}")).StatusCode);
        // A forged post to another department's incident changes nothing.
        var edit = await client.GetPageAsync($"/Incidents/Edit/{mine.Id}");
        var forged = await client.SubmitFormAsync(edit, new() { ["Input.Title"] = "書き換え" }, action: $"/Incidents/Edit/{theirs.Id}");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(theirs.Title, (await app.QueryAsync(db => db.Incidents.SingleAsync(i => i.Id == theirs.Id))).Title);

        // Their own: edited; moving it to another department is refused.
        var moved = await client.SubmitFormAsync($"/Incidents/Edit/{mine.Id}", new() { ["Input.DepartmentId"] = other.Id.ToString() });
        Assert.Contains("所属部門の事案のみ登録できます。", await HttpForms.ErrorsAsync(moved));
        var saved = await client.SubmitFormAsync($"/Incidents/Edit/{mine.Id}", new() { ["Input.PeopleCount"] = "40", ["Input.SpecialCareData"] = "true" });
        Assert.Equal($"/Incidents/Details/{mine.Id}", saved.RedirectPath());
        var stored = await app.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == mine.Id));
        Assert.Equal(40, stored.PeopleCount);
        Assert.True(stored.SpecialCareData);
        Assert.Equal(own.Id, stored.DepartmentId);

        // A department head records for their own department only, and does not decide reportability.
        var create = await client.GetPageAsync("/Incidents/Create");
        Assert.Single(create.QuerySelectorAll("#Input_DepartmentId option"));
        var details = await client.GetPageAsync($"/Incidents/Details/{mine.Id}");
        Assert.Null(details.QuerySelector("[data-testid=decide-form]"));
        var decide = await client.SubmitFormAsync(await client.GetPageAsync($"/Incidents/Edit/{mine.Id}"),
            new() { ["Decision.Reportable"] = "false", ["Decision.Reason"] = "対象外" }, action: $"/Incidents/Details/{mine.Id}?handler=Decide");
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        Assert.Null((await app.QueryAsync(db => db.Incidents.SingleAsync(i => i.Id == mine.Id))).ReportableDecision);
    }

    [Fact]
    public async Task Other_roles_cannot_open_the_register()
    {
        foreach (var role in new[] { Roles.Auditor, Roles.Management })
        {
            var (client, _) = await app.SignInAsNewAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Incidents")).StatusCode);
        }
    }

    [Fact]
    public async Task The_compliance_officer_confirms_or_overrides_the_computed_answer_with_a_reason()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var incident = await SeedAsync(department.Id, i => i.FinancialHarmRisk = true);

        var page = await officer.GetPageAsync($"/Incidents/Details/{incident.Id}");
        Assert.Contains("財産的被害が生じるおそれ", page.QuerySelector("[data-testid=reasons]")!.TextContent);
        var refused = await officer.SubmitFormAsync(page, new() { ["Decision.Reportable"] = "false", ["Decision.Reason"] = "" }, "[data-testid=decide-form]");
        Assert.Contains("入力内容からの判定と異なる判断をする場合は、理由を入力してください。", await HttpForms.ErrorsAsync(refused));
        Assert.Null((await app.QueryAsync(db => db.Incidents.SingleAsync(i => i.Id == incident.Id))).ReportableDecision);

        var overridden = await officer.SubmitFormAsync(page, new() { ["Decision.Reportable"] = "false", ["Decision.Reason"] = "カード番号は下4桁のみで、決済に使えないことを確認した。" },
            "[data-testid=decide-form]");
        var after = await officer.FollowAsync(overridden);
        Assert.Contains("判定を変更", after.QuerySelector("[data-testid=decision]")!.TextContent);
        Assert.Equal("報告対象外", after.QuerySelector("[data-testid=reportable]")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("[data-testid=deadlines]"));

        // Confirming the computed answer needs no reason.
        var confirmed = await officer.SubmitFormAsync(after, new() { ["Decision.Reportable"] = "true", ["Decision.Reason"] = "" }, "[data-testid=decide-form]");
        var stored = await app.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(stored.ReportableDecision);
        Assert.NotNull(stored.DecidedAt);
    }

    [Fact]
    public async Task Reports_are_recorded_with_checked_dates_and_stale_forms_are_refused()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var incident = await SeedAsync(department.Id, i => i.SuspectedMalice = true);

        var page = await officer.GetPageAsync($"/Incidents/Details/{incident.Id}");
        // Malicious: 60 days for the final report (awareness 2026/05/01).
        Assert.StartsWith("2026/05/04", page.QuerySelector("[data-testid=preliminary-deadline]")!.TextContent.Trim());
        Assert.StartsWith("2026/06/30", page.QuerySelector("[data-testid=final-deadline]")!.TextContent.Trim());

        var bad = await officer.SubmitFormAsync(page, new()
        {
            ["Reports.PreliminaryReportedOn"] = "2026-04-30",
            ["Reports.FinalReportedOn"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, "[data-testid=reports-form]");
        var errors = await HttpForms.ErrorsAsync(bad);
        Assert.Contains("把握日より前の日付は入力できません。", errors);
        Assert.Contains("未来の日付は入力できません。", errors);

        var good = await officer.SubmitFormAsync(page, new()
        {
            ["Reports.PreliminaryReportedOn"] = "2026-05-02",
            ["Reports.IndividualsNotifiedOn"] = "2026-05-03",
            ["Reports.IndividualsNotification"] = "対象者へメールで通知",
        }, "[data-testid=reports-form]");
        var after = await officer.FollowAsync(good);
        Assert.Contains("2026/05/02 提出済み", after.QuerySelector("[data-testid=preliminary-deadline]")!.TextContent);
        var stored = await app.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id));
        Assert.Equal(new DateOnly(2026, 5, 2), stored.PreliminaryReportedOn);
        Assert.Equal(new DateOnly(2026, 5, 3), stored.IndividualsNotifiedOn);
        Assert.Null(stored.FinalReportedOn);

        // The first page's form carries the old version: its save is refused and shows the conflict.
        var stale = await officer.SubmitFormAsync(page, new() { ["Reports.FinalReportedOn"] = "2026-05-20" }, "[data-testid=reports-form]");
        Assert.Contains(await HttpForms.ErrorsAsync(stale), e => e.StartsWith("保存できませんでした。", StringComparison.Ordinal));
        Assert.Null((await app.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id))).FinalReportedOn);
    }

    [Fact]
    public async Task Concurrent_edits_of_the_facts_are_detected()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var incident = await SeedAsync(department.Id);
        var first = await officer.GetPageAsync($"/Incidents/Edit/{incident.Id}");
        var second = await officer.GetPageAsync($"/Incidents/Edit/{incident.Id}");

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(first, new() { ["Input.PeopleCount"] = "10" })).StatusCode);
        var conflict = await officer.SubmitFormAsync(second, new() { ["Input.PeopleCount"] = "20" });
        Assert.NotEmpty(await HttpForms.ErrorsAsync(conflict));
        Assert.Equal(10, (await app.QueryAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id))).PeopleCount);
    }

    [Fact]
    public async Task Recurrence_prevention_is_recorded_as_corrective_actions_of_the_department()
    {
        var department = await app.CreateDepartmentAsync();
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var member = await app.CreateUserAsync([], department.Id);
        var outsider = await app.CreateUserAsync([], (await app.CreateDepartmentAsync()).Id);
        var client = await app.SignInAsync(head);
        var incident = await SeedAsync(department.Id, i => i.Cause = "宛先の確認漏れ");
        var page = await client.GetPageAsync($"/Incidents/Details/{incident.Id}");

        var refused = await client.SubmitFormAsync(page, new() { ["NewAction.Action"] = "", ["NewAction.OwnerId"] = outsider.Id.ToString(), ["NewAction.DueOn"] = "" },
            "[data-testid=action-form]");
        var errors = await HttpForms.ErrorsAsync(refused);
        Assert.Contains("担当者は発生部門の在籍者から選択してください。", errors);
        Assert.Equal(3, errors.Count);
        Assert.False(await app.QueryAsync(db => db.IncidentActions.AnyAsync(a => a.IncidentId == incident.Id)));

        var added = await client.SubmitFormAsync(page, new()
        {
            ["NewAction.Action"] = "メール送信時のダブルチェックを手順化する",
            ["NewAction.OwnerId"] = member.Id.ToString(),
            ["NewAction.DueOn"] = "2026-06-30",
        }, "[data-testid=action-form]");
        var after = await client.FollowAsync(added);
        var action = await app.QueryAsync(db => db.IncidentActions.Where(a => a.IncidentId == incident.Id).Select(a => a.CorrectiveAction).SingleAsync());
        Assert.Equal(CorrectiveActionSource.Incident, action.Source);
        Assert.Equal(department.Id, action.DepartmentId);
        Assert.Equal(member.Id, action.OwnerId);
        Assert.Equal("宛先の確認漏れ", action.RootCause);
        Assert.Contains("メール送信時のダブルチェックを手順化する", after.QuerySelector("[data-testid=actions]")!.TextContent);
        Assert.Contains("・メール送信時のダブルチェックを手順化する(期限 2026/06/30)", after.QuerySelector("[data-testid=report-draft]")!.TextContent);
    }
}
