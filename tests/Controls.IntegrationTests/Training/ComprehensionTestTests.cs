using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Controls.IntegrationTests.Infrastructure;
using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Controls.IntegrationTests.Training;

/// <summary>
/// Training with a comprehension test (理解度確認テスト): the compliance officer writes the test, an
/// employee takes it in the app (fails, retakes, passes), the paper results of people without an
/// account are imported, and coverage and its export count only those who passed.
/// </summary>
public class ComprehensionTestTests(ControlsApp app) : IClassFixture<ControlsApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Guid> CreateSessionAsync(HttpClient officer, bool mandatory = true)
    {
        var created = await officer.SubmitFormAsync("/Training", new()
        {
            ["Input.Title"] = "個人情報保護研修 " + Guid.NewGuid().ToString("N")[..6],
            ["Input.HeldOn"] = Day(Today.AddDays(-10)),
            ["Input.Mandatory"] = mandatory ? "true" : "false",
            ["Input.Material"] = "e ラーニング教材",
        }, "[data-testid=session-form]");
        return Guid.Parse(created.RedirectPath().Split('/')[^1]);
    }

    /// <summary>The officer adds a question: the choices given (text, correct), the other slots left blank.</summary>
    private static Task<HttpResponseMessage> AddQuestionAsync(HttpClient officer, Guid sessionId, string text, params (string Text, bool Correct)[] choices)
    {
        var values = new Dictionary<string, object> { ["Question.TextJa"] = text, ["Question.TextEn"] = "Question: " + text };
        for (var i = 0; i < choices.Length; i++)
        {
            values[$"Question.Choices[{i}].TextJa"] = choices[i].Text;
            if (choices[i].Correct)
            {
                values[$"Question.Choices[{i}].Correct"] = "true";
            }
        }

        return officer.SubmitFormAsync($"/Training/Test/{sessionId}", values, "[data-testid=question-form]");
    }

    /// <summary>Five questions; the second has two correct choices (「正しい」 and 「これも正しい」).</summary>
    private static async Task WriteFiveQuestionTestAsync(HttpClient officer, Guid sessionId)
    {
        var passMark = await officer.SubmitFormAsync($"/Training/Test/{sessionId}", new() { ["PassMark"] = "80" }, "[data-testid=passmark-form]");
        Assert.Equal($"/Training/Test/{sessionId}", passMark.RedirectPath());
        for (var i = 1; i <= 5; i++)
        {
            var added = await AddQuestionAsync(officer, sessionId, $"個人データの取扱いに関する設問{i}",
                i == 2 ? [("正しい", true), ("誤り", false), ("これも正しい", true)] : [("正しい", true), ("誤り", false)]);
            Assert.Equal($"/Training/Test/{sessionId}", added.RedirectPath());
        }
    }

    /// <summary>Ticks on the take page: the correct choices of the questions in <paramref name="right"/>, 「誤り」 elsewhere (by the labels shown).</summary>
    private static Dictionary<string, object> Answers(IDocument take, params int[] right)
    {
        var values = new Dictionary<string, object>();
        foreach (var question in take.QuerySelectorAll("[data-question]"))
        {
            var number = int.Parse(question.GetAttribute("data-question")!, CultureInfo.InvariantCulture);
            var inputs = question.QuerySelectorAll("input").Select(i => (Input: i, Label: take.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim())).ToList();
            var ticked = inputs.Where(i => right.Contains(number) ? i.Label != "誤り" : i.Label == "誤り").Select(i => i.Input.GetAttribute("value")!).ToList();
            values[inputs[0].Input.GetAttribute("name")!] = ticked;
        }

        return values;
    }

    private async Task<IDocument> TakeAsync(HttpClient employee, Guid sessionId, params int[] right)
    {
        var take = await employee.GetPageAsync($"/Training/Take/{sessionId}");
        var submitted = await employee.SubmitFormAsync(take, Answers(take, right), "[data-testid=take-form]");
        Assert.StartsWith("/Training/TestResult/", submitted.RedirectPath());
        return await employee.FollowAsync(submitted);
    }

    private static string? Trained(IDocument coverage, Guid department) =>
        coverage.QuerySelector($"[data-department='{department}'] [data-testid=trained]")?.TextContent.Trim();

    [Fact]
    public async Task The_officer_adds_a_test_an_employee_fails_retakes_and_passes_and_coverage_counts_them()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var alice = await app.CreateUserAsync([], department.Id);
        var sessionId = await CreateSessionAsync(officer);
        await WriteFiveQuestionTestAsync(officer, sessionId);
        var editor = await officer.GetPageAsync($"/Training/Test/{sessionId}");
        Assert.Equal("第1版・5問・合格点 80%", editor.QuerySelector("[data-testid=test-summary]")!.TextContent.Trim());

        // A question without a correct choice, or with one choice only, is refused with a message and changes nothing.
        Assert.Contains("正解の選択肢に1つ以上チェックを付けてください。", await HttpForms.ErrorsAsync(await AddQuestionAsync(officer, sessionId, "設問", ("a", false), ("b", false))));
        Assert.Contains("選択肢は2〜6個入力してください。", await HttpForms.ErrorsAsync(await AddQuestionAsync(officer, sessionId, "設問", ("a", true))));
        Assert.Equal(5, await app.QueryAsync(db => db.TrainingTestQuestions.CountAsync(q => db.TrainingTests.Any(t => t.Id == q.TestId && t.SessionId == sessionId))));

        // Alice is expected (the session is mandatory): her list offers the test; the form does not show the answers.
        var client = await app.SignInAsync(alice);
        var mine = await client.GetPageAsync("/Training/MyTests");
        Assert.Equal("未受験", mine.QuerySelector($"[data-session='{sessionId}'] [data-testid=status]")!.TextContent.Trim());
        var take = await client.GetPageAsync($"/Training/Take/{sessionId}");
        Assert.Equal(5, take.QuerySelectorAll("[data-question]").Length);
        Assert.DoesNotContain("正解", take.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, take.QuerySelectorAll("[data-question] input[type=radio]").Length / 2);
        Assert.Equal(3, take.QuerySelectorAll("[data-question='2'] input[type=checkbox]").Length);

        // An unanswered question, or a choice that is not the test's, is refused and nothing is saved.
        var partial = Answers(take, 1, 2, 3, 4, 5);
        partial.Remove("q3");
        Assert.Contains("未回答の設問があります: 問3", await HttpForms.ErrorsAsync(await client.SubmitFormAsync(take, partial, "[data-testid=take-form]")));
        var tampered = Answers(take, 1, 2, 3, 4, 5);
        tampered["q1"] = new List<string> { Guid.NewGuid().ToString() };
        Assert.Contains("選択肢が正しくありません。ページを開き直して回答してください。", await HttpForms.ErrorsAsync(await client.SubmitFormAsync(take, tampered, "[data-testid=take-form]")));
        tampered["q1"] = new List<string> { "'; DROP TABLE users; --" };
        Assert.Contains("選択肢が正しくありません。ページを開き直して回答してください。", await HttpForms.ErrorsAsync(await client.SubmitFormAsync(take, tampered, "[data-testid=take-form]")));
        Assert.Equal(0, await app.QueryAsync(db => db.TrainingTestResults.CountAsync(r => r.SessionId == sessionId)));

        // She gets three of five right (60%): failed, questions 4 and 5 marked wrong, the correct answers not shown.
        var failed = await TakeAsync(client, sessionId, 1, 2, 3);
        Assert.Equal("false", failed.QuerySelector("[data-testid=outcome]")!.GetAttribute("data-passed"));
        Assert.Contains("不合格 60%", failed.QuerySelector("[data-testid=outcome]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["4", "5"], failed.QuerySelectorAll("[data-correct=false]").Select(q => q.GetAttribute("data-question")));
        Assert.DoesNotContain("正しい", failed.QuerySelector("[data-question='4']")!.TextContent, StringComparison.Ordinal);

        // The officer's coverage: Alice attended but has not passed, so she still must.
        var coverage = await officer.GetPageAsync($"/Training/Coverage?Department={department.Id}");
        Assert.StartsWith("0 / 1", Trained(coverage, department.Id));
        Assert.NotNull(coverage.QuerySelector($"[data-testid=overdue-table] tr[data-email='{alice.Email}'] [data-testid=not-passed]"));

        // She retakes it and gets four of five (80%): passed; coverage counts her.
        var passed = await TakeAsync(client, sessionId, 1, 2, 3, 5);
        Assert.Equal("true", passed.QuerySelector("[data-testid=outcome]")!.GetAttribute("data-passed"));
        Assert.Equal(["4"], passed.QuerySelectorAll("[data-correct=false]").Select(q => q.GetAttribute("data-question")));
        coverage = await officer.GetPageAsync($"/Training/Coverage?Department={department.Id}");
        Assert.StartsWith("1 / 1", Trained(coverage, department.Id));
        Assert.Null(coverage.QuerySelector($"[data-testid=overdue-table] tr[data-email='{alice.Email}'] [data-testid=not-passed]"));
        mine = await client.GetPageAsync("/Training/MyTests");
        Assert.StartsWith("合格", mine.QuerySelector($"[data-session='{sessionId}'] [data-testid=status]")!.TextContent.Trim());
        Assert.Equal(2, mine.QuerySelectorAll("[data-testid=my-results] tbody tr").Length);
        var attendance = await app.QueryAsync(db => db.TrainingAttendances.AsNoTracking().SingleAsync(a => a.SessionId == sessionId && a.UserId == alice.Id));
        Assert.True(attendance.Completed);
        Assert.Equal(80, attendance.Score);

        // Changing a question now makes version 2; her results stay those of version 1, and she still counts.
        var changed = await officer.SubmitFormAsync($"/Training/Test/{sessionId}?edit=1", new() { ["Question.TextJa"] = "変更した設問1" }, "[data-testid=question-form]");
        var message = (await officer.FollowAsync(changed)).QuerySelector("[role=status]")!.TextContent.Trim();
        Assert.Equal("第1版はすでに受験されているため、変更を第2版として保存しました。第1版の結果はそのまま有効です。", message);
        var versions = await app.QueryAsync(db => db.TrainingTests.AsNoTracking().Where(t => t.SessionId == sessionId).Include(t => t.Questions).OrderBy(t => t.Version).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("個人データの取扱いに関する設問1", versions[0].Questions.Single(q => q.Number == 1).TextJa);
        Assert.Equal("変更した設問1", versions[1].Questions.Single(q => q.Number == 1).TextJa);
        Assert.All(await app.QueryAsync(db => db.TrainingTestResults.AsNoTracking().Where(r => r.SessionId == sessionId).ToListAsync()), r => Assert.Equal(versions[0].Id, r.TestId));
        Assert.StartsWith("1 / 1", Trained(await officer.GetPageAsync($"/Training/Coverage?Department={department.Id}"), department.Id));

        // A page opened on version 1 and submitted after the change is refused: answer the current questions.
        var stale = await client.SubmitFormAsync(take, Answers(take, 1, 2, 3, 4, 5), "[data-testid=take-form]");
        Assert.Contains("このテストは開いた後に更新されました。最新の設問でもう一度回答してください。", await HttpForms.ErrorsAsync(stale));
    }

    [Fact]
    public async Task A_user_takes_only_the_tests_they_are_expected_at_and_sees_only_their_own_results()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var alice = await app.CreateUserAsync([], department.Id);
        var bob = await app.CreateUserAsync([Roles.DepartmentHead], department.Id);
        var mandatory = await CreateSessionAsync(officer);
        await WriteFiveQuestionTestAsync(officer, mandatory);
        var optional = await CreateSessionAsync(officer, mandatory: false);
        await WriteFiveQuestionTestAsync(officer, optional);

        var aliceClient = await app.SignInAsync(alice);
        var result = await TakeAsync(aliceClient, mandatory, 1, 2, 3, 4, 5);
        var resultUrl = new Uri(result.Url).AbsolutePath;

        // The optional session expects nobody without attendance recorded: no test to take.
        Assert.Equal(HttpStatusCode.NotFound, (await aliceClient.GetAsync($"/Training/Take/{optional}")).StatusCode);
        Assert.Null((await aliceClient.GetPageAsync("/Training/MyTests")).QuerySelector($"[data-session='{optional}']"));

        // Bob (even a department head) cannot open Alice's result, nor the officer's test editor.
        var bobClient = await app.SignInAsync(bob);
        Assert.Equal(HttpStatusCode.NotFound, (await bobClient.GetAsync(resultUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bobClient.GetAsync($"/Training/Test/{mandatory}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(resultUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync(resultUrl)).StatusCode);

        // Once attendance is recorded for Bob (imported), the optional session's test is his to take.
        await app.QueryAsync(db =>
        {
            db.TrainingAttendances.Add(new TrainingAttendance { Id = Guid.NewGuid(), SessionId = optional, UserId = bob.Id, Completed = false, RecordedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await bobClient.GetAsync($"/Training/Take/{optional}")).StatusCode);
    }

    [Fact]
    public async Task A_roster_members_paper_result_is_imported_all_or_nothing_and_the_export_lists_who_still_must()
    {
        var (officer, _) = await app.SignInAsNewAsync(Roles.ComplianceOfficer);
        var department = await app.CreateDepartmentAsync();
        var carol = await app.CreateUserAsync([], department.Id);
        var number = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var dave = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await app.QueryAsync(db =>
        {
            foreach (var (employee, name) in new[] { (number, "田中 一郎"), (dave, "鈴木 次郎") })
            {
                db.StaffMembers.Add(new StaffMember
                {
                    Id = Guid.NewGuid(),
                    EmployeeNumber = employee,
                    Name = name,
                    DepartmentId = department.Id,
                    JoinedOn = new DateOnly(2020, 4, 1),
                    CreatedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            }

            return db.SaveChangesAsync();
        });
        var sessionId = await CreateSessionAsync(officer);
        await WriteFiveQuestionTestAsync(officer, sessionId);

        // Carol takes it in the app and fails; the roster members took it on paper.
        await TakeAsync(await app.SignInAsync(carol), sessionId, 1);

        // A bad file: an unknown person, a score that contradicts passed, a date in the future, an unreadable passed.
        var bad = await UploadResultsAsync(officer, sessionId,
            $"社員番号,得点,合否,受験日\n{number},90,はい,{Day(Today.AddDays(-3))}\nNOBODY,90,,{Day(Today)}\n{dave},50,はい,{Day(Today)}\n{dave},,たぶん,{Day(Today.AddDays(5))}\n");
        var problems = (await HttpForms.ParseAsync(bad)).QuerySelectorAll("[data-testid=result-import-errors] tbody tr").Select(r => r.GetAttribute("data-line")).ToList();
        Assert.Equal(["3", "4", "5", "5", "5"], problems);
        Assert.Equal(0, await app.QueryAsync(db => db.TrainingTestResults.CountAsync(r => r.SessionId == sessionId && r.StaffMemberId != null)));

        var good = await UploadResultsAsync(officer, sessionId, $"\uFEFF社員番号,得点,合否,受験日\r\n{number},90,はい,{Day(Today.AddDays(-3)).Replace('-', '/')}\r\n{dave},60,,{Day(Today.AddDays(-3))}\r\n");
        Assert.Equal($"/Training/Session/{sessionId}", good.RedirectPath());
        var imported = await app.QueryAsync(db => db.TrainingTestResults.AsNoTracking().Include(r => r.StaffMember).Where(r => r.SessionId == sessionId && r.StaffMemberId != null).ToListAsync());
        Assert.Equal([(number, true), (dave, false)], imported.OrderByDescending(r => r.Score).Select(r => (r.StaffMember!.EmployeeNumber, r.Passed)));
        Assert.All(imported, r => Assert.Equal(TestResultSource.Imported, r.Source));
        var session = await officer.GetPageAsync($"/Training/Session/{sessionId}");
        Assert.Equal(3, session.QuerySelectorAll("[data-testid=results-table] tbody tr").Length);

        // Coverage: the roster member who passed on paper counts; Carol and Dave attended but did not pass.
        var coverage = await officer.GetPageAsync($"/Training/Coverage?Department={department.Id}");
        Assert.StartsWith("1 / 3", Trained(coverage, department.Id));

        // The export of who still must lists Carol and Dave as attended, not passed; the one who passed is
        // there only for the pledge nobody has signed yet.
        var bytes = await officer.GetByteArrayAsync($"/Training/Coverage?handler=ExportDue&format=csv&Department={department.Id}");
        var csv = Controls.IntegrationTests.Reports.ExportsFollowTheListTests.ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["所属部門", "社員番号", "氏名", "メールアドレス", "最終受講日", "状況", "誓約書"], csv[0]);
        var rows = csv.Skip(1).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r[3] == carol.Email && r[5] == "受講済み・未合格");
        Assert.Contains(rows, r => r[1] == dave && r[5] == "受講済み・未合格");
        Assert.Contains(rows, r => r[1] == number && r[5] == "受講済み" && r[6] == "未提出");
        Assert.Equal(coverage.QuerySelectorAll("[data-testid=overdue-table] tbody tr").Length, rows.Count);
    }

    private static async Task<HttpResponseMessage> UploadResultsAsync(HttpClient client, Guid sessionId, string csv)
    {
        var page = await client.GetPageAsync($"/Training/Session/{sessionId}");
        var token = page.QuerySelector("[data-testid=results-import-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "ResultsUpload", "results.csv" },
        };
        return await client.PostAsync($"/Training/Session/{sessionId}?handler=Results", form);
    }
}
