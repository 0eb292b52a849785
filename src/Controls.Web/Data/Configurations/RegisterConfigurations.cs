using Controls.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Controls.Web.Data.Configurations;

public class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public const int TextLength = 4000;

    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("incidents");
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(i => i.Department).WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Contractor).WithMany().HasForeignKey(i => i.ContractorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.DataSets).HasMaxLength(TextLength);
        builder.Property(i => i.DataItems).HasMaxLength(TextLength);
        builder.Property(i => i.Description).HasMaxLength(TextLength);
        builder.Property(i => i.Cause).HasMaxLength(TextLength);
        builder.Property(i => i.SecondaryHarm).HasMaxLength(TextLength);
        builder.Property(i => i.ResponseToIndividuals).HasMaxLength(TextLength);
        builder.Property(i => i.Publication).HasMaxLength(TextLength);
        builder.Property(i => i.RecurrencePrevention).HasMaxLength(TextLength);
        builder.Property(i => i.Other).HasMaxLength(TextLength);
        builder.Property(i => i.DecisionReason).HasMaxLength(TextLength);
        builder.Property(i => i.IndividualsNotification).HasMaxLength(TextLength);
        builder.HasIndex(i => new { i.DepartmentId, i.AwareAt });
        builder.Property(i => i.Version).IsRowVersion();
    }
}

public class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> builder)
    {
        builder.ToTable("data_subject_requests");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RequesterKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reference).HasMaxLength(DataSubjectRequest.ReferenceLength);
        builder.Property(r => r.Summary).HasMaxLength(DataSubjectRequest.TextLength);
        builder.Property(r => r.IdentityMethod).HasMaxLength(DataSubjectRequest.ShortLength);
        builder.Property(r => r.ExtensionReason).HasMaxLength(DataSubjectRequest.TextLength);
        builder.Property(r => r.Response).HasMaxLength(DataSubjectRequest.TextLength);
        builder.Property(r => r.ResponseMethod).HasMaxLength(DataSubjectRequest.ShortLength);
        builder.Property(r => r.RefusalReason).HasMaxLength(DataSubjectRequest.TextLength);
        builder.HasOne(r => r.Department).WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.LedgerEntry).WithMany().HasForeignKey(r => r.LedgerEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.DepartmentId, r.ReceivedOn });
        builder.HasIndex(r => new { r.Status, r.DueOn });
        builder.Property(r => r.Version).IsRowVersion();
    }
}

public class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public const int TextLength = 2000;

    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.HasOne(e => e.Department).WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Kind).HasMaxLength(200);
        builder.Property(e => e.DataItems).HasMaxLength(TextLength);
        builder.Property(e => e.Purpose).HasMaxLength(TextLength);
        builder.Property(e => e.ResponsiblePerson).HasMaxLength(200);
        builder.Property(e => e.AccessibleBy).HasMaxLength(TextLength);
        builder.Property(e => e.StorageLocation).HasMaxLength(TextLength);
        builder.Property(e => e.StorageMethod).HasMaxLength(TextLength);
        builder.Property(e => e.Medium).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.People).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.AcquisitionMethod).HasMaxLength(TextLength);
        builder.Property(e => e.PurposeNotification).HasMaxLength(TextLength);
        builder.Property(e => e.Consent).HasMaxLength(TextLength);
        builder.Property(e => e.ThirdPartyProvision).HasMaxLength(TextLength);
        builder.Property(e => e.Subcontractors).HasMaxLength(TextLength);
        builder.Property(e => e.RetentionPeriod).HasMaxLength(TextLength);
        builder.Property(e => e.DisposalMethod).HasMaxLength(TextLength);
        builder.HasIndex(e => new { e.DepartmentId, e.Name });
        builder.Property(e => e.Version).IsRowVersion();
    }
}

public class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.ToTable("risk_assessments");
        builder.HasOne(a => a.LedgerEntry).WithOne(e => e.RiskAssessment).HasForeignKey<RiskAssessment>(a => a.LedgerEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.LedgerEntryId).IsUnique();
        builder.Property(a => a.AssessedBy).HasMaxLength(200);
        builder.HasMany(a => a.Stages).WithOne(s => s.RiskAssessment).HasForeignKey(s => s.RiskAssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Version).IsRowVersion();
    }
}

public class RiskAssessmentStageConfiguration : IEntityTypeConfiguration<RiskAssessmentStage>
{
    public const int TextLength = 2000;

    public void Configure(EntityTypeBuilder<RiskAssessmentStage> builder)
    {
        builder.ToTable("risk_assessment_stages");
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.RiskAssessmentId, s.Stage }).IsUnique();
        builder.Property(s => s.Risk).HasMaxLength(TextLength);
        builder.Property(s => s.Measures).HasMaxLength(TextLength);
        builder.Property(s => s.AcceptedBy).HasMaxLength(200);
        builder.Property(s => s.AcceptanceComment).HasMaxLength(TextLength);
    }
}

public class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("training_sessions");
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Material).HasMaxLength(2000);
        builder.HasIndex(s => s.HeldOn);
    }
}

public class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.ToTable("training_attendances", t => t.HasCheckConstraint("ck_training_attendances_person", "(user_id IS NULL) <> (staff_member_id IS NULL)"));
        builder.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.StaffMember).WithMany().HasForeignKey(a => a.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SessionId, a.UserId }).IsUnique();
        builder.HasIndex(a => new { a.SessionId, a.StaffMemberId }).IsUnique();
        builder.HasIndex(a => a.UserId);
        builder.HasIndex(a => a.StaffMemberId);
    }
}

public class TrainingTestConfiguration : IEntityTypeConfiguration<TrainingTest>
{
    public void Configure(EntityTypeBuilder<TrainingTest> builder)
    {
        builder.ToTable("training_tests");
        builder.HasOne(t => t.Session).WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.SessionId, t.Version }).IsUnique();
        builder.HasMany(t => t.Questions).WithOne().HasForeignKey(q => q.TestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class TrainingTestQuestionConfiguration : IEntityTypeConfiguration<TrainingTestQuestion>
{
    public void Configure(EntityTypeBuilder<TrainingTestQuestion> builder)
    {
        builder.ToTable("training_test_questions");
        builder.Property(q => q.TextJa).HasMaxLength(TrainingTest.TextLength);
        builder.Property(q => q.TextEn).HasMaxLength(TrainingTest.TextLength);
        builder.HasMany(q => q.Choices).WithOne().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => q.TestId);
    }
}

public class TrainingTestChoiceConfiguration : IEntityTypeConfiguration<TrainingTestChoice>
{
    public void Configure(EntityTypeBuilder<TrainingTestChoice> builder)
    {
        builder.ToTable("training_test_choices");
        builder.Property(c => c.TextJa).HasMaxLength(TrainingTest.TextLength);
        builder.Property(c => c.TextEn).HasMaxLength(TrainingTest.TextLength);
        builder.HasIndex(c => c.QuestionId);
    }
}

public class TrainingTestResultConfiguration : IEntityTypeConfiguration<TrainingTestResult>
{
    public void Configure(EntityTypeBuilder<TrainingTestResult> builder)
    {
        builder.ToTable("training_test_results", t => t.HasCheckConstraint("ck_training_test_results_person", "(user_id IS NULL) <> (staff_member_id IS NULL)"));
        builder.HasOne(r => r.Test).WithMany().HasForeignKey(r => r.TestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.StaffMember).WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SessionId, r.UserId });
        builder.HasIndex(r => new { r.SessionId, r.StaffMemberId });
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => r.TestId);
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => r.StaffMemberId);
    }
}

public class ConfidentialityPledgeConfiguration : IEntityTypeConfiguration<ConfidentialityPledge>
{
    public void Configure(EntityTypeBuilder<ConfidentialityPledge> builder)
    {
        builder.ToTable("confidentiality_pledges", t => t.HasCheckConstraint("ck_confidentiality_pledges_person", "(user_id IS NULL) <> (staff_member_id IS NULL)"));
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.StaffMember).WithMany().HasForeignKey(p => p.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.UserId);
        builder.HasIndex(p => p.StaffMemberId);
    }
}

public class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff_members");
        builder.Property(m => m.EmployeeNumber).HasMaxLength(StaffMember.EmployeeNumberLength);
        builder.Property(m => m.Name).HasMaxLength(StaffMember.NameLength);
        builder.Property(m => m.Email).HasMaxLength(StaffMember.EmailLength);
        builder.Property(m => m.NormalizedEmail).HasMaxLength(StaffMember.EmailLength);
        builder.HasOne(m => m.Department).WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.EmployeeNumber).IsUnique();
        builder.HasIndex(m => m.NormalizedEmail).IsUnique();
        builder.HasIndex(m => new { m.DepartmentId, m.LeftOn });
        builder.Property(m => m.Version).IsRowVersion();
    }
}

public class IncidentActionConfiguration : IEntityTypeConfiguration<IncidentAction>
{
    public void Configure(EntityTypeBuilder<IncidentAction> builder)
    {
        builder.ToTable("incident_actions");
        builder.HasKey(a => new { a.IncidentId, a.CorrectiveActionId });
        builder.HasOne(a => a.Incident).WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.CorrectiveAction).WithMany().HasForeignKey(a => a.CorrectiveActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CorrectiveActionId).IsUnique();
    }
}
