using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlacementRecording : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmployerName",
                table: "Placements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "Placements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndedBy",
                table: "Placements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursPerWeek",
                table: "Placements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Placements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "Placements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Placements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subsidy",
                table: "Placements",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WageForm",
                table: "Placements",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EmployerName",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "EndedBy",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "HoursPerWeek",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "Subsidy",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "WageForm",
                table: "Placements");
        }
    }
}
