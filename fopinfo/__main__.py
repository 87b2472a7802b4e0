from fopinfo.entry import main

main()
