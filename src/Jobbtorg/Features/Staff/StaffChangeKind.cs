namespace Jobbtorg.Features.Staff;

public enum StaffChangeKind
{
    Created,
    /// <summary>A new role, or the same role bound elsewhere.</summary>
    RoleChanged,
    Deactivated,
    Reactivated,
    PasswordReset,
    /// <summary>The user chose their own password.</summary>
    PasswordChanged,
    /// <summary>The coach's open cases went to other coaches.</summary>
    CasesHandedOver,
}
