using Controls.IntegrationTests.Infrastructure;
using Controls.IntegrationTests.Inspections;
using Controls.Web.Domain;

namespace Controls.IntegrationTests.Statement;

/// <summary>
/// The statement says that risks are assessed every year and that training is confirmed with a
/// comprehension test only once the records show it: a risk assessment completed within the year, a
/// training with a test held within the year that someone passed (its own database: the statement is the whole organisation's).
/// </summary>
public class StatementPracticesTests(InspectionApp app) : IClassFixture<InspectionApp>
{
    private const string RiskJa = "当社は、取り扱う個人情報を特定し、取得から廃棄までの各段階のリスクを毎年分析・評価して、必要な対策を講じています。";
    private const string TestJa = "当社は、従業者の研修において理解度確認テストを行い、内容を理解したことを確認しています。";
    private const string RiskEn = "assess the risks at each stage from acquisition to disposal every year";
    private const string TestEn = "We confirm with a comprehension test that our employees have understood their training.";

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    [Fact]
    public async Task The_statement_says_risks_are_assessed_yearly_and_training_is_tested_only_when_the_records_show_it()
    {
        var (officer, user) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        async Task<(string Ja, string En)> TextAsync()
        {
            var page = await officer.GetPageAsync("/Statement");
            return (page.QuerySelector("[data-testid=statement-ja]")!.TextContent, page.QuerySelector("[data-testid=statement-en]")!.TextContent);
        }

        // Nothing recorded: neither sentence.
        var before = await TextAsync();
        Assert.DoesNotContain(RiskJa, before.Ja, StringComparison.Ordinal);
        Assert.DoesNotContain(TestJa, before.Ja, StringComparison.Ordinal);

        // A risk assessment older than a year and a tested training nobody passed: still neither.
        var department = await app.CreateDepartmentAsync();
        var entry = new LedgerEntry { Id = Guid.NewGuid(), DepartmentId = department.Id, Name = "会員名簿", Kind = "顧客情報", Countries = ["JP"], CreatedAt = DateTimeOffset.UtcNow };
        var session = new TrainingSession { Id = Guid.NewGuid(), Title = "個人情報保護研修", HeldOn = Today.AddMonths(-1), Mandatory = true, CreatedAt = DateTimeOffset.UtcNow };
        var test = TrainingTest.Create(session.Id, 100, DateTimeOffset.UtcNow);
        await using (var db = app.Db())
        {
            db.LedgerEntries.Add(entry);
            db.RiskAssessments.Add(Assessed(entry.Id, Today.AddMonths(-13)));
            db.TrainingSessions.Add(session);
            db.TrainingTests.Add(test);
            db.TrainingTestResults.Add(TrainingTestResult.Imported(test, user.Id, null, null, false, Today, DateTimeOffset.UtcNow).Result!);
            await db.SaveChangesAsync();
        }

        var stale = await TextAsync();
        Assert.DoesNotContain(RiskJa, stale.Ja, StringComparison.Ordinal);
        Assert.DoesNotContain(TestJa, stale.Ja, StringComparison.Ordinal);

        // Assessed this year and passed: both sentences, in both languages, in their sections.
        await using (var db = app.Db())
        {
            var second = new LedgerEntry { Id = Guid.NewGuid(), DepartmentId = department.Id, Name = "顧客リスト", Kind = "顧客情報", Countries = ["JP"], CreatedAt = DateTimeOffset.UtcNow };
            db.LedgerEntries.Add(second);
            db.RiskAssessments.Add(Assessed(second.Id, Today.AddMonths(-2)));
            db.TrainingTestResults.Add(TrainingTestResult.Imported(test, user.Id, null, null, true, Today, DateTimeOffset.UtcNow).Result!);
            await db.SaveChangesAsync();
        }

        var after = await TextAsync();
        Assert.Contains(RiskJa, after.Ja, StringComparison.Ordinal);
        Assert.Contains(TestJa, after.Ja, StringComparison.Ordinal);
        Assert.Contains(RiskEn, after.En, StringComparison.Ordinal);
        Assert.Contains(TestEn, after.En, StringComparison.Ordinal);
        Assert.True(after.Ja.IndexOf("組織的安全管理措置", StringComparison.Ordinal) < after.Ja.IndexOf(RiskJa, StringComparison.Ordinal));
        Assert.True(after.Ja.IndexOf("人的安全管理措置", StringComparison.Ordinal) < after.Ja.IndexOf(TestJa, StringComparison.Ordinal));
        Assert.True(after.Ja.IndexOf(TestJa, StringComparison.Ordinal) < after.Ja.IndexOf("物理的安全管理措置", StringComparison.Ordinal));
    }

    private static RiskAssessment Assessed(Guid entryId, DateOnly on)
    {
        var assessment = RiskAssessment.For(entryId, DateTimeOffset.UtcNow);
        Assert.Empty(assessment.Record(Enum.GetValues<LifeCycleStage>().Select(s => new StageAssessment(s, false, "漏えい", 1, 2, "施錠保管", [], 1, 1)).ToList(),
            null, "担当者", on, DateTimeOffset.UtcNow));
        return assessment;
    }
}
