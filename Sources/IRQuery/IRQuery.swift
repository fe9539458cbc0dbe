import IRStore
