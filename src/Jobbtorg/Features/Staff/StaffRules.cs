using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Staff;

/// <summary>The rules of staff administration, in one place and free of I/O.</summary>
public static class StaffRules
{
    /// <summary>Coaches and matchers work at a job centre, a manager at one (or none: the whole city), a case worker in a
    /// district, a provider's staff for a provider; analysts and administrators are bound to nothing.</summary>
    public static void EnsureBindingFits(string? role, StaffBinding binding)
    {
        if (role is null || !Roles.All.Contains(role)) throw new RuleBrokenException("Choose a role.");
        var wantsCentre = role is Roles.Coach or Roles.Matcher;
        if (wantsCentre && binding.JobCentreId is null)
            throw new RuleBrokenException("Choose the job centre the coach or matcher works at.");
        if (role == Roles.CaseWorker && binding.DistrictId is null)
            throw new RuleBrokenException("Choose the district the case worker works in.");
        if (role == Roles.Provider && binding.ProviderId is null)
            throw new RuleBrokenException("Choose the provider the user works for.");
        if (binding.JobCentreId is not null && !(wantsCentre || role == Roles.Manager))
            throw new RuleBrokenException("Only coaches, matchers and managers work at a job centre.");
        if (binding.DistrictId is not null && role != Roles.CaseWorker)
            throw new RuleBrokenException("Only case workers are bound to a district.");
        if (binding.ProviderId is not null && role != Roles.Provider)
            throw new RuleBrokenException("Only a provider's staff are bound to a provider.");
    }

    /// <summary>A coach's cases stay with them until they are handed over: a coach with open cases keeps the role and
    /// the centre. The city always keeps one active administrator.</summary>
    public static void EnsureMayChangeRole(AppUser user, string currentRole, string newRole, StaffBinding binding, int openCases,
        int otherActiveAdministrators)
    {
        EnsureBindingFits(newRole, binding);
        if (!user.IsActive) throw new RuleBrokenException("Reactivate the user before changing the role.");
        if (openCases > 0 && (newRole != Roles.Coach || binding.JobCentreId != user.JobCentreId))
            throw new RuleBrokenException("The coach still has {0} open cases: hand them over before changing the role or the job centre.", new Counted(openCases));
        if (currentRole == Roles.Administrator && newRole != Roles.Administrator && otherActiveAdministrators == 0)
            throw new RuleBrokenException("At least one active administrator must remain.");
    }

    /// <summary>Nobody deactivates themselves, the last administrator, or a coach who still has open cases.</summary>
    public static void EnsureMayDeactivate(AppUser user, string? role, bool isSelf, int openCases, int otherActiveAdministrators)
    {
        if (!user.IsActive) throw new RuleBrokenException("The user is already deactivated.");
        if (isSelf) throw new RuleBrokenException("You cannot deactivate your own account.");
        if (openCases > 0)
            throw new RuleBrokenException("The coach still has {0} open cases: hand them over to other coaches first.", new Counted(openCases));
        if (role == Roles.Administrator && otherActiveAdministrators == 0)
            throw new RuleBrokenException("At least one active administrator must remain.");
    }

    public static void EnsureMayReactivate(AppUser user)
    {
        if (user.IsActive) throw new RuleBrokenException("The user is active.");
    }
}
