using System.Net;
using Controls.IntegrationTests.Audits;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Controls.IntegrationTests.Audits.AuditTests;

namespace Controls.IntegrationTests.Reports;

/// <summary>
/// The PrivacyMark year on the dashboard and in the management-review workbook: the risk register's
/// state, the latest management review and the year's comprehension tests, each figure a count of
/// the data and linked only for readers the linked page lets in; the workbook's PMS audit results,
/// findings by clause, risk register and comprehension per department.
/// </summary>
public class PrivacyMarkYearTests(PmsInternalAuditTests.App app) : IClassFixture<PmsInternalAuditTests.App>
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    private async Task<LedgerEntry> EntryAsync(Guid departmentId, string name)
    {
        var entry = new LedgerEntry
        {
            Id = Guid.NewGuid(),
            DepartmentId = departmentId,
            Name = $"{name} {Guid.NewGuid().ToString("N")[..6]}",
            Kind = "顧客情報",
            Countries = ["JP"],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = app.Db();
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    /// <summary>Every stage assessed on <paramref name="on"/>: low residual risks, except storage left at 2 × 3 (high, not accepted) when asked.</summary>
    private async Task AssessAsync(Guid entryId, DateOnly on, bool highStorage)
    {
        await using var db = app.Db();
        var assessment = RiskAssessment.For(entryId, DateTimeOffset.UtcNow);
        var errors = assessment.Record(Enum.GetValues<LifeCycleStage>()
            .Select(s => new StageAssessment(s, false, "漏えい", 3, 3, "施錠保管", [], highStorage && s == LifeCycleStage.Storage ? 2 : 1, highStorage && s == LifeCycleStage.Storage ? 3 : 1))
            .ToList(), null, "担当者", on, DateTimeOffset.UtcNow);
        Assert.Empty(errors);
        db.RiskAssessments.Add(assessment);
        await db.SaveChangesAsync();
    }

    /// <summary>A training with a one-question test held <paramref name="heldOn"/>; each person's attendance recorded, and a result where given.</summary>
    private async Task<Guid> TestedTrainingAsync(DateOnly heldOn, bool mandatory, params (Guid User, bool? Passed)[] people)
    {
        await using var db = app.Db();
        var session = new TrainingSession { Id = Guid.NewGuid(), Title = "研修 " + Guid.NewGuid().ToString("N")[..6], HeldOn = heldOn, Mandatory = mandatory, CreatedAt = DateTimeOffset.UtcNow };
        db.TrainingSessions.Add(session);
        var test = TrainingTest.Create(session.Id, 100, DateTimeOffset.UtcNow);
        Assert.Equal(TrainingTest.EditProblem.None, test.SaveQuestion(null, "問", "Q", [new("はい", "Yes", true), new("いいえ", "No", false)]));
        db.TrainingTests.Add(test);
        foreach (var (user, passed) in people)
        {
            db.TrainingAttendances.Add(new TrainingAttendance { Id = Guid.NewGuid(), SessionId = session.Id, UserId = user, Completed = passed is not null, RecordedAt = DateTimeOffset.UtcNow });
            if (passed is { } p)
            {
                db.TrainingTestResults.Add(TrainingTestResult.Imported(test, user, null, null, p, heldOn, DateTimeOffset.UtcNow).Result!);
            }
        }

        await db.SaveChangesAsync();
        return session.Id;
    }

    private async Task<AppUser[]> UsersAsync(Guid departmentId, int count)
    {
        var users = new List<AppUser>();
        for (var i = 0; i < count; i++)
        {
            users.Add(await app.CreateUserAsync([], departmentId));
        }

        return [.. users];
    }

    [Fact]
    public async Task A_department_head_sees_their_risk_register_state_and_each_figure_opens_the_register_rows_behind_it()
    {
        var department = await app.CreateDepartmentAsync();
        var assessed = await EntryAsync(department.Id, "会員名簿");
        await AssessAsync(assessed.Id, Today.AddMonths(-2), highStorage: true);
        var stale = await EntryAsync(department.Id, "旧顧客リスト");
        await AssessAsync(stale.Id, Today.AddMonths(-13), highStorage: false);
        var never = await EntryAsync(department.Id, "問い合わせ記録");
        var head = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var client = await app.SignInAsync(head);

        var page = await client.GetPageAsync("/Dashboard");

        string Figure(string id) => page.QuerySelector($"[data-testid=pms-risks] [data-testid={id}]")!.TextContent.Trim();
        Assert.Equal(("3", "2", "2", "1"), (Figure("risk-entries"), Figure("risk-assessed"), Figure("risk-due"), Figure("risk-high")));
        var due = await client.GetPageAsync(page.QuerySelector("[data-testid=pms-risks] a[data-testid=risk-due]")!.GetAttribute("href")!);
        Assert.Contains(stale.Name, due.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(never.Name, due.Body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(assessed.Name, due.Body.TextContent, StringComparison.Ordinal);
        var high = await client.GetPageAsync(page.QuerySelector("[data-testid=pms-risks] a[data-testid=risk-high]")!.GetAttribute("href")!);
        Assert.Contains(assessed.Name, high.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(stale.Name, high.Body.TextContent, StringComparison.Ordinal);

        // A department head reads no management review: the section is not there.
        Assert.Null(page.QuerySelector("[data-testid=pms-review]"));
    }

    [Fact]
    public async Task Management_sees_the_latest_review_and_the_years_tests_and_only_the_officer_gets_the_link_to_training_coverage()
    {
        var department = await app.CreateDepartmentAsync();
        var people = await UsersAsync(department.Id, 3);
        var session = await TestedTrainingAsync(Today, mandatory: false, (people[0].Id, true), (people[1].Id, false), (people[2].Id, null));
        var (management, manager) = await app.SignInAsNewAsync(Roles.Management);
        Guid latest;
        await using (var db = app.Db())
        {
            var older = new ManagementReview { Id = Guid.NewGuid(), HeldOn = Today.AddYears(-1), PeriodStart = Today.AddYears(-2), PeriodEnd = Today.AddYears(-1).AddDays(-1), Chair = "社長", CreatedAt = DateTimeOffset.UtcNow, CreatedById = manager.Id };
            older.AddOutput(ManagementReviewOutputKind.Instruction, "前年の指示", manager.Id, DateTimeOffset.UtcNow);
            var current = new ManagementReview { Id = Guid.NewGuid(), HeldOn = Today, PeriodStart = Today.AddYears(-1), PeriodEnd = Today.AddDays(-1), Chair = "社長", CreatedAt = DateTimeOffset.UtcNow, CreatedById = manager.Id };
            current.AddOutput(ManagementReviewOutputKind.Decision, "方針を維持する", manager.Id, DateTimeOffset.UtcNow);
            current.AddOutput(ManagementReviewOutputKind.Instruction, "台帳のリスク分析を完了する", manager.Id, DateTimeOffset.UtcNow);
            var overdue = current.AddOutput(ManagementReviewOutputKind.Instruction, "研修の未受講者を受講させる", manager.Id, DateTimeOffset.UtcNow);
            db.ManagementReviews.AddRange(older, current);
            db.CorrectiveActions.Add(overdue.TurnIntoAction(department.Id, people[0].Id, Today.AddDays(-1), manager.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            latest = current.Id;
        }

        var page = await management.GetPageAsync("/Dashboard");

        var review = page.QuerySelector("[data-testid=pms-review]")!;
        Assert.Equal($"/ManagementReviews/Details/{latest}", review.QuerySelector("a[data-testid=review-held-on]")!.GetAttribute("href"));
        Assert.Equal(("3", "2", "1"), (review.QuerySelector("[data-testid=review-outputs]")!.TextContent.Trim(),
            review.QuerySelector("[data-testid=review-open]")!.TextContent.Trim(), review.QuerySelector("[data-testid=review-overdue]")!.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync($"/ManagementReviews/Details/{latest}")).StatusCode);
        var row = page.QuerySelector($"[data-testid=pms-tests] [data-testid=test-row][data-session='{session}']")!;
        Assert.Equal(("1", "2"), (row.QuerySelector("[data-testid=passed]")!.TextContent.Trim(), row.QuerySelector("[data-testid=still-must]")!.TextContent.Trim()));
        // Management may not open training coverage: the figure has no link.
        Assert.Equal("SPAN", row.QuerySelector("[data-testid=still-must]")!.TagName);
        Assert.Equal(HttpStatusCode.Forbidden, (await management.GetAsync("/Training/Coverage")).StatusCode);

        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var officerPage = await officer.GetPageAsync("/Dashboard");
        var link = officerPage.QuerySelector($"[data-testid=pms-tests] [data-testid=test-row][data-session='{session}'] a[data-testid=still-must]")!;
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(link.GetAttribute("href")!)).StatusCode);
        Assert.NotNull(officerPage.QuerySelector($"[data-testid=pms-review] a[href='/ManagementReviews/Details/{latest}']"));

        // A test of an earlier fiscal year is not this year's.
        var old = await TestedTrainingAsync(Today.AddYears(-2), mandatory: false, (people[0].Id, true));
        Assert.Null((await management.GetPageAsync("/Dashboard")).QuerySelector($"[data-testid=test-row][data-session='{old}']"));
    }

    [Fact]
    public async Task The_workbook_holds_the_PMS_audit_by_clause_the_risk_register_and_comprehension_per_department()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var auditor = await app.CreateUserAsync([Roles.Auditor], (await app.CreateDepartmentAsync()).Id);
        var owner = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var entry = await EntryAsync(department.Id, "会員名簿");
        await AssessAsync(entry.Id, Today.AddMonths(-1), highStorage: true);
        var people = await UsersAsync(department.Id, 2);
        await TestedTrainingAsync(Today, mandatory: false, (people[0].Id, true), (people[1].Id, false));

        var catalogId = await app.QueryAsync(db => db.Catalogs.Where(c => c.Key == PmsInternalAuditTests.PmsCatalog).Select(c => c.Id).SingleAsync());
        var form = AuditForm("PMS内部監査 " + Guid.NewGuid().ToString("N")[..6], auditor.Id, [department.Id], measures: "PMS-4, PMS-6", start: Today.AddDays(-3), end: Today.AddDays(3));
        form["Input.CatalogId"] = catalogId.ToString();
        var auditId = await PlanAsync(officer, form);
        await MoveAsync(officer, auditId, AuditStatus.Scheduled, AuditStatus.InFieldwork);
        var work = await app.SignInAsync(auditor);
        Assert.Equal(HttpStatusCode.Redirect, (await work.SubmitFormAsync($"/Audits/Fieldwork/{auditId}", new()
        {
            ["Test.Procedure"] = "台帳とリスク分析一覧を照合した",
            ["Test.Result"] = "Nonconforming",
        }, "section[data-code='PMS-4'] form[data-testid=test-form]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await work.SubmitFormAsync($"/Audits/Fieldwork/{auditId}", new()
        {
            ["Finding.Classification"] = nameof(FindingClass.MinorNonconformity),
            ["Finding.MeasureCode"] = "PMS-4",
            ["Finding.CheckItemCode"] = "PMS-4.3",
            ["Finding.DepartmentId"] = department.Id.ToString(),
            ["Finding.Description"] = "リスク分析の記録がない台帳がある",
            ["Finding.Evidence"] = "リスク分析一覧",
            ["Finding.RootCause"] = "登録時に分析する決まりがない",
            ["Finding.ActionText"] = "登録の手順に分析を加える",
            ["Finding.OwnerId"] = owner.Id.ToString(),
            ["Finding.DueOn"] = Date(Today.AddDays(30)),
        }, "[data-testid=finding-form]")).StatusCode);

        var (management, _) = await app.SignInAsNewAsync(Roles.Management);
        var sheets = DashboardTests.Read(await management.GetByteArrayAsync($"/Dashboard?handler=Workbook&department={department.Id}"));

        var results = DashboardTests.DataRows(sheets["PMS内部監査の結果"], "監査");
        var result = Assert.Single(results);
        Assert.Equal(("PMS-4", "A.3.3.1, 6.1.2, 6.1.3", "不適合"), ((string)result[1]!, (string)result[3]!, (string)result[4]!));
        var findings = DashboardTests.DataRows(sheets["箇条別の指摘事項"], "箇条");
        var finding = Assert.Single(findings);
        Assert.Equal(("6.1.2", "PMS-4", "PMS-4.3", "軽微な不適合", "リスク分析の記録がない台帳がある"),
            ((string)finding[0]!, (string)finding[1]!, (string)finding[2]!, (string)finding[5]!, (string)finding[6]!));
        // The risk register: one row per life-cycle stage of the department's entry, as the register's export writes it.
        var risks = DashboardTests.DataRows(sheets["リスク分析"], "管理番号");
        Assert.Equal(Enum.GetValues<LifeCycleStage>().Length, risks.Count);
        Assert.All(risks, r => Assert.Equal(LedgerEntry.ReferenceOf(entry.Id), r[0]));
        Assert.Contains(risks, r => (r[3] as string) == "保管・バックアップ" && Convert.ToDouble(r[9]) == 6.0 && (r[10] as string) == "受容待ち");
        var comprehension = Assert.Single(DashboardTests.DataRows(sheets["理解度確認テスト"], "研修名"));
        Assert.Contains(department.Code, (string)comprehension[2]!);
        Assert.Equal((2.0, 1.0, 1.0), (Convert.ToDouble(comprehension[3]), Convert.ToDouble(comprehension[4]), Convert.ToDouble(comprehension[5])));
    }
}
