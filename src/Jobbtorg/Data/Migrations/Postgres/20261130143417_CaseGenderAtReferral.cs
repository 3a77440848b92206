using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseGenderAtReferral : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // Cases referred before the gender was kept per referral: the person's, which was the referral's.
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"Gender\" = (SELECT p.\"Gender\" FROM \"Participants\" p WHERE p.\"Id\" = \"Cases\".\"ParticipantId\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Gender",
                table: "Cases");
        }
    }
}
