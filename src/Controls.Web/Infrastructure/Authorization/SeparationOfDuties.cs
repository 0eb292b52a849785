using System.Security.Claims;
using Controls.Web.Domain;

namespace Controls.Web.Infrastructure.Authorization;

/// <summary>
/// Separation of duties and independence at every step, in one place (PageAccess says who opens a
/// page; this says who may act on one record). Every handler that shows or changes these steps asks
/// here: the page shows the step read-only (or hides its buttons) to anyone refused, and a post is
/// refused with the message named here and changes nothing.
/// <list type="bullet">
/// <item>Fieldwork (tests, samples, evidence, findings, re-checks, closing an observation) is done by the
/// audit's lead auditor and team only — auditors chosen independent of the audited departments at
/// assignment. Compliance officers and other auditors read it (the programme is theirs to oversee; the
/// audit is not). Decided in docs/adr/0014-separation-of-duties.md.</item>
/// <item>A corrective action's effectiveness is verified by an auditor of the finding's audit team who
/// is neither the action's owner nor a member of the finding's department.</item>
/// <item>An inspection is reviewed (accepted or returned) by a compliance officer who is not the head of
/// the inspected department.</item>
/// <item>The annual audit programme is prepared and submitted by auditors and compliance officers and
/// approved (or sent back to draft) by top management, never by the person who submitted it or planned
/// one of its audits (docs/adr/0015-audit-programme-approval.md).</item>
/// </list>
/// </summary>
public static class SeparationOfDuties
{
    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? DepartmentOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ControlsClaims.DepartmentId), out var id) ? id : null;

    /// <summary>
    /// Records this audit's fieldwork (needs the audit's team loaded): an auditor on its team who, now
    /// too, does not belong to an audited department (checked at assignment, and again at every step).
    /// </summary>
    public static bool DoesFieldwork(ClaimsPrincipal user, Audit audit) =>
        user.IsInRole(Roles.Auditor) && UserId(user) is { } id && audit.IsOnTeam(id) && !audit.Audits(DepartmentOf(user));

    /// <summary>The message key of the refusal to record fieldwork, or null when allowed.</summary>
    public static string? RefusesFieldwork(ClaimsPrincipal user, Audit audit) =>
        DoesFieldwork(user, audit) ? null : "Audits.OnlyTeamRecords";

    /// <summary>
    /// The message key of the refusal to verify this action of this finding (whose audit's team must be
    /// loaded), or null when this user may record the effectiveness check.
    /// </summary>
    public static string? RefusesVerification(ClaimsPrincipal user, Finding finding, CorrectiveAction action)
    {
        if (UserId(user) == action.OwnerId)
        {
            return "Audits.OwnerCannotVerify";
        }

        if (!user.IsInRole(Roles.Auditor))
        {
            return "Audits.OnlyAuditorsVerify";
        }

        if (finding.IsAbout(DepartmentOf(user)))
        {
            return "Audits.OwnDepartmentCannotVerify";
        }

        return null;
    }

    /// <summary>The message key of the refusal to review this inspection, or null when this compliance officer may accept or return it.</summary>
    public static string? RefusesReview(ClaimsPrincipal user, Guid inspectedDepartmentId) =>
        !user.IsInRole(Roles.ComplianceOfficer) ? "Review.OnlyComplianceOfficers"
        : user.IsInRole(Roles.DepartmentHead) && DepartmentOf(user) == inspectedDepartmentId ? "Review.OwnDepartment"
        : null;

    /// <summary>The message key of the refusal to ask for approval of the audit programme, or null when this user prepares it.</summary>
    public static string? RefusesProgrammeSubmission(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.ComplianceOfficer) ? null : "AuditProgramme.OnlyPreparersSubmit";

    /// <summary>
    /// The message key of the refusal to approve the audit programme or send it back to draft, or null
    /// when this user may (top management; the programme itself refuses its own preparer).
    /// </summary>
    public static string? RefusesProgrammeApproval(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Management) ? null : "AuditProgramme.OnlyManagementApproves";
}
