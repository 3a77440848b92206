namespace Jobbtorg.Features.Staff;

/// <summary>A page with the role-and-binding fields (the partial _RoleFields reads this).</summary>
public interface IRoleForm
{
    RoleInput Input { get; }
    StaffChoices Choices { get; }
}
